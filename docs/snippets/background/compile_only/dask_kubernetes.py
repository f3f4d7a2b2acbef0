"""Background (dask.md): Dask workers as Kubernetes pods with the dask-kubernetes operator.
Compile-only: it needs a Kubernetes cluster with the operator (and dask-kubernetes, which CI does
not install)."""

# [start:kubernetes]
from dask_kubernetes.operator import KubeCluster
from distributed import Client

cluster = KubeCluster(
    name="eldercare",
    image="registry.example/eldercare-dask:1.0",  # ghcr.io/dask/dask with eldercare's wheel added
    n_workers=20,
    resources={"requests": {"cpu": "2", "memory": "8Gi"}},
)
client = Client(cluster)
# [end:kubernetes]
client.close()
