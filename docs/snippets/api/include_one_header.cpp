// The C++ API reference's opening example: include the one header an area needs, not the umbrella
// <eldercare/eldercare.hpp>, and every name is in namespace eldercare.
#include <string> // std::string::npos

// [start:include]
#include <eldercare/money/money.hpp>

using eldercare::money;
// [end:include]

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  // [start:use]
  const money monthly = money::from_yuan(600);
  const money quarter = monthly * 3;
  // [end:use]
  check(quarter.fen() == 180000, "600 yuan x 3 is 180000 fen");
  check(quarter == money::from_fen(180000), "from_yuan and from_fen agree");
  check(monthly.to_string().find("600") != std::string::npos, "to_string shows the yuan amount");
  return snippet::exit_code();
}
