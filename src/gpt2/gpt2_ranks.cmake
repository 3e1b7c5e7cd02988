# GPT-2 ranks asset (issue 7): converted at build time from the npm package js-tiktoken
# (installed into web/node_modules by web/install-deps.sh) by convert_ranks.mjs, never committed.
# Included from the top-level CMakeLists.txt after the targets exist:
#   include(src/gpt2/gpt2_ranks.cmake)
# Produces ${CMAKE_BINARY_DIR}/assets/gpt2-ranks.bin, which is
#   - the default --ranks of `embplay tokenize --mode gpt2` (EMBPLAY_GPT2_RANKS_DEFAULT),
#   - read by the [gpt2] unit tests (EMBPLAY_GPT2_RANKS_FILE),
#   - fetched by the page on demand (web/build-site.mjs copies it into dist/).
find_program(EMBPLAY_NODE NAMES node nodejs)
set(EMBPLAY_NODE_MODULES "${PROJECT_SOURCE_DIR}/web/node_modules" CACHE PATH "node_modules holding js-tiktoken")
set(EMBPLAY_GPT2_RANKS "${CMAKE_BINARY_DIR}/assets/gpt2-ranks.bin")
# Without node or js-tiktoken (a fresh clone before `cd web && npm ci`) everything else still
# builds: the ranks target is left out with a message, the CLI's gpt2 mode says which file is
# missing, and the [gpt2] unit tests fail naming what to install (EMBPLAY_GPT2_RANKS_MISSING).
if(NOT EMBPLAY_NODE OR NOT EXISTS "${EMBPLAY_NODE_MODULES}/js-tiktoken/package.json")
  set(EMBPLAY_GPT2_MISSING "js-tiktoken not found in ${EMBPLAY_NODE_MODULES} (or no node): run 'cd web && npm ci' (or web/install-deps.sh), then re-run cmake")
  message(WARNING "GPT-2 ranks not built: ${EMBPLAY_GPT2_MISSING}. Everything else builds; the gpt2 tokenizer mode and its tests need the ranks.")
  target_compile_definitions(embplay PRIVATE EMBPLAY_GPT2_RANKS_DEFAULT="${EMBPLAY_GPT2_RANKS}")
  if(TARGET unit_tests)
    target_compile_definitions(unit_tests PRIVATE EMBPLAY_GPT2_RANKS_FILE="${EMBPLAY_GPT2_RANKS}"
                               EMBPLAY_GPT2_RANKS_MISSING="${EMBPLAY_GPT2_MISSING}")
  endif()
  return()
endif()
add_custom_command(
  OUTPUT "${EMBPLAY_GPT2_RANKS}"
  COMMAND "${EMBPLAY_NODE}" "${CMAKE_CURRENT_LIST_DIR}/convert_ranks.mjs"
          --node-modules "${EMBPLAY_NODE_MODULES}" --out "${EMBPLAY_GPT2_RANKS}"
  DEPENDS "${CMAKE_CURRENT_LIST_DIR}/convert_ranks.mjs" "${EMBPLAY_NODE_MODULES}/js-tiktoken/package.json"
  COMMENT "Converting GPT-2 ranks from js-tiktoken")
add_custom_target(gpt2_ranks ALL DEPENDS "${EMBPLAY_GPT2_RANKS}")
add_dependencies(embplay gpt2_ranks)
target_compile_definitions(embplay PRIVATE EMBPLAY_GPT2_RANKS_DEFAULT="${EMBPLAY_GPT2_RANKS}")
if(TARGET unit_tests)
  add_dependencies(unit_tests gpt2_ranks)
  target_compile_definitions(unit_tests PRIVATE EMBPLAY_GPT2_RANKS_FILE="${EMBPLAY_GPT2_RANKS}")
endif()
