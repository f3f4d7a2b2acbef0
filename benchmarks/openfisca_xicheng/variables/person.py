"""Who the elder is: birth date, hukou, age, and the group of the rule (西城户籍老年人)."""

from datetime import date

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from openfisca_xicheng.civil_calendar import age_from_parts, birth_parts
from openfisca_xicheng.entities import Person
from openfisca_xicheng.regions import XICHENG, current_county


class birth_date(Variable):
    value_type = date
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Date of birth"


class hukou_region(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "GB/T 2260 code of the hukou registration (户籍)"


class birth_year(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Year of birth"

    def formula(person, period, parameters):
        return birth_parts(person("birth_date", period))[0]


class birth_month_day(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Birthday as month * 100 + day (0229 for 29 February)"

    def formula(person, period, parameters):
        return birth_parts(person("birth_date", period))[1]


class age(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "Age in 周岁 on the month's test day (its last day)"

    def formula(person, period, parameters):
        test_day = np.datetime64(period.stop.date, "D")
        return age_from_parts(person("birth_year", period), person("birth_month_day", period), test_day)


class has_xicheng_hukou(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Hukou in 西城区 (110102), the legacy 宣武 code 110104 read as 西城"

    def formula(person, period, parameters):
        return current_county(person("hukou_region", period)) == XICHENG


class xicheng_elder(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.MONTH
    label = "西城户籍老年人: Xicheng hukou and at least the minimum age on the test day"
    reference = "seeds/000_c316a80b4f0fd0a0.txt"

    def formula_2020_06_01(person, period, parameters):
        min_age = parameters(period).cross_region_care.eligibility.min_age
        return person("has_xicheng_hukou", period) * (person("age", period) >= min_age)
