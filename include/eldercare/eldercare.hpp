#pragma once
// Umbrella header: everything in eldercare.
#include "eldercare/calendar/age.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/holiday_calendar.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/calendar/period.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/money/money.hpp"
