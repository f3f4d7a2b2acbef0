#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
int odr_b() { return 42; }
