"""Writes NIR files for memdse's NIR import tests with h5py, following the layout of NIR's own
writer (nir/serialization.py, NIR 1.0): a 'version' string and a group 'node' holding the graph:
'type' = "NIRGraph", a group 'nodes' with one group per node ('type' plus one dataset per
parameter, dictionaries such as input_type as sub-groups), and 'edges', strings [E, 2].
Parameters follow the NIR primitives table (docs/reference/nir.md). Usage: make_nir.py DIR
"""
import os
import sys

import h5py
import numpy as np


def write(path, nodes, edges, version="1.0.0"):
    with h5py.File(path, "w") as f:
        f.create_dataset("version", data=version)
        g = f.create_group("node")
        g.create_dataset("type", data="NIRGraph")
        ng = g.create_group("nodes")
        for name, params in nodes.items():
            _node(ng.create_group(name), params)
        g.create_dataset("edges", data=np.array(edges, dtype=object).reshape(-1, 2) if edges
                         else np.zeros((0, 2), dtype="S1"), dtype=h5py.string_dtype())


def _node(group, params):
    for key, value in params.items():
        if isinstance(value, dict):
            _node(group.create_group(key), value)
        elif isinstance(value, str):
            group.create_dataset(key, data=value)
        else:
            # NIR's writer compresses every array
            arr = np.asarray(value)
            if arr.ndim == 0:
                group.create_dataset(key, data=arr)
            else:
                group.create_dataset(key, data=arr, compression="gzip")


def inp(*shape):
    return {"type": "Input", "input_type": {"input": np.array(shape, dtype=np.int64)}}


def out(*shape):
    return {"type": "Output", "output_type": {"output": np.array(shape, dtype=np.int64)}}


def lif(n, tau=20.0, thr=1.0):
    return {"type": "LIF", "tau": np.full(n, tau, np.float32), "r": np.ones(n, np.float32),
            "v_leak": np.zeros(n, np.float32), "v_threshold": np.full(n, thr, np.float32),
            "v_reset": np.zeros(n, np.float32)}


def affine(o, i):
    return {"type": "Affine", "weight": np.random.rand(o, i).astype(np.float32),
            "bias": np.zeros(o, np.float32)}


def main(d):
    np.random.seed(1)
    os.makedirs(d, exist_ok=True)
    # Every listed primitive at least once, in chains memdse can represent.
    write(os.path.join(d, "mlp.nir"), {
        "input": inp(20), "fc1": affine(30, 20), "lif1": lif(30, 20.0, 1.0),
        "fc2": {"type": "Linear", "weight": np.random.rand(10, 30).astype(np.float32)},
        "scale": {"type": "Scale", "scale": np.full(10, 0.5, np.float32)},
        "cuba": {"type": "CubaLIF", "tau_syn": np.full(10, 5.0, np.float32), "tau_mem": np.full(10, 10.0, np.float32),
                 "r": np.ones(10, np.float32), "v_leak": np.zeros(10, np.float32),
                 "v_threshold": np.full(10, 2.0, np.float32), "v_reset": np.zeros(10, np.float32),
                 "w_in": np.ones(10, np.float32)},
        "delay": {"type": "Delay", "delay": np.full(10, 2.0, np.float32)},
        "fc3": affine(4, 10),
        "li": {"type": "LI", "tau": np.full(4, 15.0, np.float32), "r": np.ones(4, np.float32),
               "v_leak": np.zeros(4, np.float32)},
        "output": out(4),
    }, [["input", "fc1"], ["fc1", "lif1"], ["lif1", "fc2"], ["fc2", "scale"], ["scale", "cuba"],
        ["cuba", "delay"], ["delay", "fc3"], ["fc3", "li"], ["li", "output"]])
    write(os.path.join(d, "cnn.nir"), {
        "input": inp(2, 16, 16),
        "conv1": {"type": "Conv2d", "weight": np.random.rand(8, 2, 3, 3).astype(np.float32),
                  "stride": np.array([1, 1]), "padding": np.array([1, 1]), "dilation": np.array([1, 1]),
                  "groups": np.array(1), "bias": np.zeros(8, np.float32), "input_shape": np.array([16, 16])},
        "if1": {"type": "IF", "r": np.ones((8, 16, 16), np.float32), "v_threshold": np.ones((8, 16, 16), np.float32),
                "v_reset": np.zeros((8, 16, 16), np.float32)},
        "pool": {"type": "SumPool2d", "kernel_size": np.array([2, 2]), "stride": np.array([2, 2]),
                 "padding": np.array([0, 0])},
        "thr": {"type": "Threshold", "threshold": np.ones((8, 8, 8), np.float32)},
        "avg": {"type": "AvgPool2d", "kernel_size": np.array([2, 2]), "stride": np.array([2, 2]),
                "padding": np.array([0, 0])},
        "integ": {"type": "I", "r": np.ones((8, 4, 4), np.float32)},
        "flat": {"type": "Flatten", "start_dim": np.array(1), "end_dim": np.array(-1),
                 "input_type": {"input": np.array([8, 4, 4])}},
        "fc": affine(10, 128), "if2": {"type": "IF", "r": np.ones(10, np.float32),
                                        "v_threshold": np.ones(10, np.float32), "v_reset": np.zeros(10, np.float32)},
        "output": out(10),
    }, [["input", "conv1"], ["conv1", "if1"], ["if1", "pool"], ["pool", "thr"], ["thr", "avg"], ["avg", "integ"],
        ["integ", "flat"], ["flat", "fc"], ["fc", "if2"], ["if2", "output"]])
    write(os.path.join(d, "conv1d.nir"), {
        "input": inp(3, 50),
        "conv": {"type": "Conv1d", "weight": np.random.rand(6, 3, 5).astype(np.float32), "stride": np.array([1]),
                 "padding": np.array([2]), "dilation": np.array([1]), "groups": np.array(1),
                 "bias": np.zeros(6, np.float32), "input_shape": np.array(50)},
        "lif": lif(6 * 50),
        "cuba_li": {"type": "CubaLI", "tau_syn": np.full(4, 5.0, np.float32), "tau_mem": np.full(4, 10.0, np.float32),
                    "r": np.ones(4, np.float32), "v_leak": np.zeros(4, np.float32), "w_in": np.ones(4, np.float32)},
        "fc": affine(4, 300),
        "output": out(4),
    }, [["input", "conv"], ["conv", "lif"], ["lif", "fc"], ["fc", "cuba_li"], ["cuba_li", "output"]])
    # A recurrent network (as snnTorch's RLeaky exports it): the LIF feeds itself through a Linear.
    write(os.path.join(d, "recurrent.nir"), {
        "input": inp(12), "fc_in": affine(16, 12), "lif": lif(16),
        "w_rec": {"type": "Linear", "weight": np.random.rand(16, 16).astype(np.float32)},
        "fc_out": affine(3, 16), "lif_out": lif(3), "output": out(3),
    }, [["input", "fc_in"], ["fc_in", "lif"], ["lif", "w_rec"], ["w_rec", "lif"], ["lif", "fc_out"],
        ["fc_out", "lif_out"], ["lif_out", "output"]])
    # Bad input: a dangling edge, a loop without a synaptic layer, an unknown primitive.
    write(os.path.join(d, "dangling.nir"), {"input": inp(4), "fc": affine(2, 4), "lif": lif(2)},
          [["input", "fc"], ["fc", "lif"], ["lif", "outptu"]])
    write(os.path.join(d, "loop.nir"), {"input": inp(4), "fc": affine(2, 4), "lif": lif(2), "lif_b": lif(2)},
          [["input", "fc"], ["fc", "lif"], ["lif", "lif_b"], ["lif_b", "lif"]])
    write(os.path.join(d, "unknown.nir"), {"input": inp(4), "fc": affine(2, 4),
                                           "adex": {"type": "AdEx", "tau": np.ones(2)}},
          [["input", "fc"], ["fc", "adex"]])
    write(os.path.join(d, "mismatch.nir"), {"input": inp(5), "fc": affine(2, 4), "lif": lif(2)},
          [["input", "fc"], ["fc", "lif"]])


if __name__ == "__main__":
    main(sys.argv[1])
