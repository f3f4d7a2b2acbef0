// ODR check: this TU and odr_b.cpp both include every header (the umbrella and the population
// engine's); linking them must succeed.
#include "eldercare/batch.hpp"
#include "eldercare/catalog/validation.hpp"
#include "eldercare/eldercare.hpp"
#include "eldercare/schema.hpp"
int odr_b();
int main() { return odr_b() == 42 ? 0 : 1; }
