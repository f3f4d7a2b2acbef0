#include "eldercare/batch.hpp"
#include "eldercare/catalog/validation.hpp"
#include "eldercare/eldercare.hpp"
#include "eldercare/schema.hpp"
int odr_b() { return 42; }
