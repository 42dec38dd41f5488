#!/usr/bin/env python3
"""Reads an OCI image layout tar as a registry or runtime would: every blob's digest and size, the
layer's diff_id, and the entrypoint's files present in the layer. As root, also runs the image's
entrypoint in a chroot of its only layer on examples/capstone: the image needs nothing of the host.

    dist/check_image.py IMAGE.tar
"""
import gzip, hashlib, io, json, os, shutil, subprocess, sys, tarfile, tempfile

image = tarfile.open(sys.argv[1])
read = lambda name: image.extractfile(name).read()


def blob(descriptor):
    data = read("blobs/sha256/" + descriptor["digest"].split(":")[1])
    assert "sha256:" + hashlib.sha256(data).hexdigest() == descriptor["digest"], descriptor["digest"]
    assert len(data) == descriptor["size"], descriptor
    return data


assert json.loads(read("oci-layout"))["imageLayoutVersion"] == "1.0.0"
(manifest_descriptor,) = json.loads(read("index.json"))["manifests"]
manifest = json.loads(blob(manifest_descriptor))
config = json.loads(blob(manifest["config"]))
(layer_descriptor,) = manifest["layers"]
layer = gzip.decompress(blob(layer_descriptor))
assert config["rootfs"]["diff_ids"] == ["sha256:" + hashlib.sha256(layer).hexdigest()]
names = set(tarfile.open(fileobj=io.BytesIO(layer)).getnames())
entrypoint = config["config"]["Entrypoint"]
for path in [entrypoint[0], entrypoint[-1]]:
    assert path.lstrip("/") in names, path + " is not in the layer"
print("ok: %s read (%d files in its layer)" % (sys.argv[1], len(names)))

if os.geteuid() != 0:
    print("image not run: chroot needs root; read only", file=sys.stderr)
    sys.exit(0)
root = tempfile.mkdtemp()
try:
    tarfile.open(fileobj=io.BytesIO(layer)).extractall(root)
    shutil.copytree("examples/capstone", os.path.join(root, "work", "capstone"))
    got = subprocess.run([shutil.which("chroot"), root] + entrypoint + ["lint", "--no-config", "--color", "never", "/work/capstone"],
                         capture_output=True, text=True,
                         env=dict(entry.split("=", 1) for entry in config["config"]["Env"]))
    expected = "0 errors, 0 warnings in 2 connectors (2 files)"
    assert got.stdout.strip() == expected, (got.returncode, got.stdout, got.stderr)
    print("ok: the image's entrypoint ran in a chroot of its layer alone, with the image's environment only")
finally:
    shutil.rmtree(root)
