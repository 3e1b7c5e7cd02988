// Entry of dist/embedding-playground.standalone.js: the inlined core first, then the elements.
import './inline-core.js';
import './embedding-playground.js';
