"""How-to: run a simulation on Dask. The bundled sample population, flattened into a pandas
DataFrame, is split into Dask partitions; each partition is evaluated where it lies by the C++ engine
and only results travel. The checks compare every figure with the whole population evaluated at once."""

import json

# [start:imports]
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client

import eldercare as ec
from eldercare.dask import evaluate_dask, simulate_dask

# [end:imports]

# [start:frame]
# One row per person in the flat schema (see eldercare.FLAT_COLUMNS), and the stays as a table of
# their own: here the sample's JSON flattened; in practice dd.read_parquet(...) of your own files.
raw = json.loads(ec.simulate.sample_population_path().read_text(encoding="utf-8"))
facilities = ec.io.load_cases(raw).facilities
people = pd.DataFrame(
    {
        "id": [p["id"] for p in raw["persons"]],
        "birth_date": [p["birth_date"] for p in raw["persons"]],
        "hukou_region": [p["hukou"]["region"] for p in raw["persons"]],
        "residence_region": [p["residence"]["region"] for p in raw["persons"]],
        "rural": [p["residence"]["rural"] for p in raw["persons"]],
    }
)
stays = pd.DataFrame(
    [{"person_id": p["id"], **s} for p in raw["persons"] for s in p["stays"]],
    columns=["person_id", "facility", "admitted", "discharged"],
)
partitions = dd.from_pandas(people, npartitions=4)
# [end:frame]
assert partitions.npartitions == 4 and len(people) == len(raw["persons"]) and len(stays) > 0

# [start:client]
# A local cluster for the example; on a real one, Client("tcp://scheduler:8786") with eldercare
# installed on every worker.
client = Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None)
# [end:client]

try:
    # [start:evaluate]
    policy_id = "cn.beijing.xicheng.cross_region_care"
    lazy = evaluate_dask(policy_id, partitions, "2024-06-30", facilities=facilities, stays=stays)  # lazy
    results = lazy.compute()  # one pandas DataFrame, indexed like `people`
    print(results[results["eligible"]][["id", "amount_fen", "unit", "period"]].head())
    # [end:evaluate]
    whole = ec.evaluate_population(policy_id, people, "2024-06-30", facilities, stays=stays, reasons=False)
    assert list(results["id"]) == list(whole["id"])
    assert (results["amount_fen"].to_numpy() == whole["amount_fen"].to_numpy()).all()
    assert int(results["eligible"].sum()) > 0

    # [start:simulate]
    totals = simulate_dask(policy_id, partitions, "2024-01", 12, facilities=facilities, stays=stays)
    print(totals.by_month)  # month, eligible, amount_fen: each partition's totals added up
    print(ec.format_fen(totals.total_fen), "yuan in 2024")
    # [end:simulate]
    one_process = ec.simulate.simulate(
        ec.Population(people, stays=stays), facilities, "2024-01-01", 12, ids=[policy_id]
    )
    assert totals.total_fen == int(one_process.summary.set_index("policy").loc[policy_id, "total_fen"])
    assert len(totals.by_month) == 12
finally:
    client.close()
