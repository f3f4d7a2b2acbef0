// Must NOT compile: a leaf listed in a leaf_list without its kind. The test (tests/CMakeLists.txt)
// passes when the compiler names the missing declaration, where the list is declared.
#include <string>      // describe()
#include <string_view> // doc

#include "eldercare/rules/leaf.hpp"

using namespace eldercare;

struct no_kind : condition_tag {
  static constexpr row_fields reads = row_fields::none;
  static constexpr std::string_view doc = "Always.";
  template <class Self, class V>
  static void fields(Self&, V&&) {}
  template <class Subject, class Sink>
  bool evaluate(const context<Subject>&, Sink&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const { return "?"; }
};

using listed = leaf_list<no_kind>;
