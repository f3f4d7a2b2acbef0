// ODR check: this TU and odr_b.cpp both include every header; linking them must succeed.
#include "eldercare/eldercare.hpp"
int odr_b();
int main() { return odr_b() == 42 ? 0 : 1; }
