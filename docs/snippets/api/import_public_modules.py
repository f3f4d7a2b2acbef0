"""The Python API reference's opening example: the public modules import, _core stays private."""

# [start:import]
import eldercare as ec
from eldercare import catalog, charts, conditions, io, regions, simulate

# [end:import]

# Each public module documented in docs/api/python/ is reachable from the top-level package.
for module in (catalog, charts, conditions, io, regions, simulate):
    assert getattr(ec, module.__name__.rsplit(".", 1)[1]) is module, module.__name__
assert ec.to_fen(yuan=600) == 60000
