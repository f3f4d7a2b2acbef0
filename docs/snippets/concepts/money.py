"""Money in Python (docs/concepts/money.md): whole fen as int, never float arithmetic."""
import eldercare as ec

# [start:money]
fen = ec.to_fen("600.50")            # 60050: text, int or float yuan in, exact fen out
monthly = ec.money_per_month(yuan=600)
text = ec.format_fen(monthly.amount_fen * 12)  # "7200.00"
# [end:money]
assert fen == 60050
assert monthly.amount_fen == 60000
assert text == "7200.00"
assert ec.to_fen(12.3) == 1230 and ec.to_fen(600) == 60000

# [start:errors]
try:
    ec.to_fen("600.505", field="pension")  # three decimals: not a whole number of fen
except ec.InvalidValue as e:
    error = e
# [end:errors]
assert error.error_id == ec.ErrorId.INVALID_MONEY
assert error.field == "pension" and error.value == "600.505"
assert "[eldercare.invalid_value.102]" in str(error)
assert isinstance(error, ValueError)
