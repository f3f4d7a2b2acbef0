// The one translation unit that defines eldercare::standard_catalog() when a project compiles the
// catalog once (ELDERCARE_SEPARATE_CATALOG; see eldercare/catalog/standard.hpp). Compile it with
// ELDERCARE_SEPARATE_CATALOG defined, like every other translation unit of the project.
#define ELDERCARE_DEFINE_STANDARD_CATALOG
#include "eldercare/catalog/standard.hpp"
