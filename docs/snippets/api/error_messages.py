"""The error-id page's examples: each message as eldercare raises it (this file checks them)."""

import pytest

import eldercare as ec
from eldercare.conditions import age_at_least
from eldercare.simulate import simulate

# [start:messages]
# [eldercare.invalid_value.101] persons[p1].birth_date = '2023-02-30': no such day in that month (it has 28 days)
# [eldercare.invalid_value.108] months = 0: must be a whole number of months, 1 or more
# [eldercare.invalid_value.114] age_at_least.years = '60': expected a whole number (int)
# [eldercare.lookup.201] no catalog entry 'cn.beijing.nowhere'; known: ...
# [end:messages]

with open(__file__, encoding="utf-8") as source:
    text = source.read().split("# [start:messages]\n", 1)[1].split("# [end:messages]", 1)[0]
documented = [line.removeprefix("# ").removesuffix("...") for line in text.splitlines()]

raised = []
with pytest.raises(ec.InvalidValue) as e:
    ec.Person("p1", "2023-02-30", hukou="110102", residence="110102")
raised.append(str(e.value))
with pytest.raises(ec.InvalidValue) as e:
    simulate([], None, "2024-01-01", 0)
raised.append(str(e.value))
with pytest.raises(ec.InvalidType) as e:
    age_at_least("60")  # type: ignore[arg-type]
raised.append(str(e.value))
with pytest.raises(ec.PolicyLookupError) as e:
    ec.catalog.entry("cn.beijing.nowhere")
raised.append(str(e.value))

assert len(documented) == len(raised) == 4
for line, message in zip(documented, raised):
    assert message.startswith(line), (line, message)
