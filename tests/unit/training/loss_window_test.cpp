// Tests for loss_window.h: the mean covers at least the last N items, chunk by chunk.
#include <catch2/catch.hpp>

#include <cmath>

#include "training/loss_window.h"
#include "test_helpers.h"

using namespace embplay;

TEST_CASE("loss window keeps the newest chunks covering the span", "[cbow][loss]") {
  LossWindow w(10);
  CHECK(std::isnan(w.mean()));
  w.add(40.0, 4);   // mean 10
  w.add(0.0, 0);    // ignored
  w.add(8.0, 4);    // mean 2
  CHECK(w.count() == 8);
  CHECK(w.mean() == test::approx(6.0));
  w.add(12.0, 6);   // 14 items; dropping the first chunk leaves 10 >= span
  CHECK(w.count() == 10);
  CHECK(w.mean() == test::approx(2.0));
  w.add(30.0, 10);  // alone covers the span
  CHECK(w.count() == 10);
  CHECK(w.mean() == test::approx(3.0));
}
