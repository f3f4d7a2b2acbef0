"""Benefits in Python (docs/concepts/benefits.md)."""
import eldercare as ec

# [start:benefits]
care = ec.money_per_month(yuan=600)            # 600 yuan a month, held as 60000 fen
hours = ec.service_hours_per_month(60)         # Weihai: purchased home-care hours
lunch = ec.meals_per_day(1)                    # Rongcheng 暖心食堂
table = ec.StackingTable().declare("cn.beijing.elderly_allowances.disability_care",
                                   "cn.national.disabled_two_subsidies", "choose_higher")
# [end:benefits]
assert care.amount_fen == 60000 and care.is_money and str(care) == "600.00 yuan per month"
assert not hours.is_money and str(hours) == "60 service hours per month"
assert str(lunch) == "1 meal per day"
assert ec.money_per_month(fen=20000) == ec.money_per_month(yuan=200)
assert table.mode_for("cn.national.disabled_two_subsidies", "cn.beijing.elderly_allowances.disability_care") \
    == "choose_higher"
assert table.mode_for("a", "b") == "stack"

try:
    ec.money_per_month(yuan=-1)
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id in (ec.ErrorId.INVALID_PARAMETER, ec.ErrorId.INVALID_MONEY)
