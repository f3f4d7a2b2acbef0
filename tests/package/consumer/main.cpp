#include <eldercare/eldercare.hpp>

#include <iostream>

int main() {
  using namespace eldercare;
  const date last = period_last_day(parse_date("2023-02-28"), 3);
  std::cout << "3 months from 2023-02-28 end on " << to_iso(last) << '\n';
  return to_iso(last) == "2023-05-28" ? 0 : 1;
}
