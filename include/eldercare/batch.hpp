#pragma once
// The population engine (populations in columns, batches, monthly simulations, synthetic elders;
// subjects one by one: households, schedules of many), apart from the umbrella eldercare.hpp to keep
// that one quick to compile. See docs/batch.md.

#include "eldercare/batch/batch_leaf.hpp"
#include "eldercare/batch/day_number.hpp"
#include "eldercare/batch/evaluate_batch.hpp"
#include "eldercare/batch/evaluate_each.hpp"
#include "eldercare/batch/households.hpp"
#include "eldercare/batch/inputs.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/batch/row_view.hpp"
#include "eldercare/batch/schedules.hpp"
#include "eldercare/batch/simulate.hpp"
#include "eldercare/batch/synthetic.hpp"
