#!/usr/bin/env python3
"""Writes dbzlint's container image as an OCI image layout in a tar (target/dist/dbzlint-VERSION-oci.tar),
from scratch: no Docker daemon, no registry pull. One layer holds the jlink runtime, the jar and the
C libraries the runtime links (found with ldd on this machine), so the image needs no base image.
Load it with `skopeo copy oci-archive:FILE docker-daemon:dbzlint:VERSION` or `podman load -i FILE`.

    dist/image.py VERSION
"""
import gzip, hashlib, io, json, os, subprocess, sys, tarfile

version = sys.argv[1]
out = "target/dist"
runtime = os.path.join(out, "runtime")
prefix = "opt/dbzlint"


def elf_files(root):
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def libraries(paths):
    """The shared libraries outside the runtime that its executables and libraries load."""
    found = set()
    for path in paths:
        result = subprocess.run(["ldd", path], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            parts = line.split()
            for part in parts:
                if part.startswith("/") and os.path.exists(part) and not os.path.abspath(part).startswith(
                        os.path.abspath(runtime)):
                    found.add(part)
    return sorted(found)


layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    def add_dir(name):
        info = tarfile.TarInfo(name)
        info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 0
        tar.addfile(info)
    for d in ["tmp", "work", "opt", prefix]:
        add_dir(d)
    tar.add(runtime, arcname=prefix + "/runtime", filter=lambda i: setattr(i, "mtime", 0) or i)
    tar.add("target/dbzlint.jar", arcname=prefix + "/lib/dbzlint.jar", filter=lambda i: setattr(i, "mtime", 0) or i)
    for lib in libraries(list(elf_files(runtime))):
        real = os.path.realpath(lib)
        tar.add(real, arcname=lib.lstrip("/"), filter=lambda i: setattr(i, "mtime", 0) or i)
layer_bytes = gzip.compress(layer.getvalue(), mtime=0)
diff_id = "sha256:" + hashlib.sha256(layer.getvalue()).hexdigest()


def blob(data):
    return "sha256:" + hashlib.sha256(data).hexdigest(), data


layer_digest, _ = blob(layer_bytes)
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {
        "Entrypoint": ["/" + prefix + "/runtime/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m",
                       "-XX:-UsePerfData", "-jar", "/" + prefix + "/lib/dbzlint.jar"],
        "Cmd": ["lint", "."], "WorkingDir": "/work", "Env": ["PATH=/" + prefix + "/runtime/bin",
                # the launcher finds libjli through $ORIGIN, which needs /proc: not every runtime mounts it
                "LD_LIBRARY_PATH=/" + prefix + "/runtime/lib"],
        "Labels": {"org.opencontainers.image.title": "dbzlint", "org.opencontainers.image.version": version}},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
}, sort_keys=True).encode()
config_digest, _ = blob(config)
manifest = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": len(config)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest,
                "size": len(layer_bytes)}],
}, sort_keys=True).encode()
manifest_digest, _ = blob(manifest)
index = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
    "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
                   "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": version}}],
}, sort_keys=True).encode()

image = os.path.join(out, "dbzlint-%s-oci.tar" % version)
with tarfile.open(image, "w") as tar:
    def put(name, data):
        info = tarfile.TarInfo(name)
        info.size, info.mtime = len(data), 0
        tar.addfile(info, io.BytesIO(data))
    put("oci-layout", json.dumps({"imageLayoutVersion": "1.0.0"}).encode())
    put("index.json", index)
    for digest, data in [(config_digest, config), (manifest_digest, manifest), (layer_digest, layer_bytes)]:
        put("blobs/sha256/" + digest.split(":")[1], data)
print(image)
