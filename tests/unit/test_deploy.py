"""Scale-out deployments (deploy/kubernetes/, deploy/compose.yaml): the manifests are valid
Kubernetes objects, the pieces refer to one another, the pods are sized from the measured
figures, and compose's own validator accepts the compose file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
KUBE = DEPLOY / "kubernetes"
COMPOSE = DEPLOY / "compose.yaml"
#: The Kubernetes release the manifests are checked against (schemas shipped by
#: kubernetes-validate, read offline).
KUBERNETES_VERSION = "1.30"

#: Measured on one app process (deploy/README.md; main README, "Speed and load"), MB:
#: RSS after its first pages (top of 220-280), the newest snapshot's bands, one session
#: (top of 2.1-3.1); a pod is sized for the load test's 50 sessions.
PROCESS_MB, BANDS_MB, SESSION_MB, SESSIONS_PER_POD = 280, 70, 3, 50

HEALTH_PATH = "/_stcore/health"
MB = 1_000_000


def manifest_files() -> list[Path]:
    return sorted(p for p in KUBE.glob("*.yaml") if p.name != "kustomization.yaml")


def load(name: str) -> dict:
    (document,) = yaml.safe_load_all((KUBE / name).read_text())
    return document


def pod_spec() -> dict:
    return load("deployment.yaml")["spec"]["template"]["spec"]


def app_container() -> dict:
    (container,) = [c for c in pod_spec()["containers"] if c["name"] == "app"]
    return container


def env(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


def bytes_of(quantity: str) -> float:
    """A Kubernetes quantity of memory ("512Mi", "1G", "500M") in bytes."""
    number, unit = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", quantity).groups()
    factor = {"": 1, "k": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}[unit]
    return float(number) * factor


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def image_port() -> int:
    """The port the image's command line serves on."""
    return int(re.search(r'"--server\.port",\s*"(\d+)"', dockerfile()).group(1))


def container_port(container: dict, port: int | str) -> int:
    """A probe's or a Service's port, by number or by the container port's name."""
    if isinstance(port, int):
        return port
    (number,) = [p["containerPort"] for p in container["ports"] if p.get("name") == port]
    return number


def ingress_annotations() -> dict[str, str]:
    return load("ingress.yaml")["metadata"]["annotations"]


# --- Kubernetes -------------------------------------------------------------------------

@pytest.mark.parametrize("path", manifest_files(), ids=lambda p: p.name)
def test_every_manifest_validates_against_the_kubernetes_schemas(path):
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_the_strict_schemas_reject_a_misspelt_field():
    deployment = load("deployment.yaml")
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError, match="readinesProbe"):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def test_the_kustomization_lists_every_manifest():
    kustomization = yaml.safe_load((KUBE / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [p.name for p in manifest_files()]


def test_the_container_port_is_the_one_the_image_serves_on():
    assert container_port(app_container(), "http") == image_port() == 8501


@pytest.mark.parametrize("probe", ["startupProbe", "readinessProbe", "livenessProbe"])
def test_the_probes_ask_the_health_endpoint_on_the_container_port(probe):
    container = app_container()
    request = container[probe]["httpGet"]
    assert request["path"] == HEALTH_PATH
    assert container_port(container, request["port"]) == image_port()


def test_a_starting_pod_has_two_minutes_before_it_can_be_restarted():
    # Measured cold start: the server answers within about 1 s, the first map after 2.6 s
    # (4.7 s with no stored page); a busy node may take far longer.
    startup = app_container()["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 120


def test_a_busy_pod_is_restarted_only_after_a_minute_without_an_answer():
    # A restart ends every session on the pod; a process busy with reruns answers late.
    liveness = app_container()["livenessProbe"]
    assert liveness["periodSeconds"] * liveness["failureThreshold"] >= 60
    assert liveness["timeoutSeconds"] >= 5


def test_the_memory_request_holds_a_process_its_bands_and_fifty_sessions():
    resources = app_container()["resources"]
    needed = (PROCESS_MB + BANDS_MB + SESSIONS_PER_POD * SESSION_MB) * MB
    assert bytes_of(resources["requests"]["memory"]) >= needed
    assert bytes_of(resources["limits"]["memory"]) >= bytes_of(resources["requests"]["memory"])


def test_the_cpu_request_is_the_one_core_a_process_uses():
    # The HPA's utilisation target is a share of this figure.
    assert app_container()["resources"]["requests"]["cpu"] in ("1", 1, "1000m")


def test_every_pod_gets_the_cookie_secret_from_one_secret():
    variable = env(app_container())["STREAMLIT_SERVER_COOKIE_SECRET"]
    reference = variable["valueFrom"]["secretKeyRef"]
    assert reference["name"] and reference["key"]
    assert "value" not in variable


def test_the_pod_runs_as_the_image_user():
    uid = int(re.search(r"useradd\b[^\n]*--uid (\d+)", dockerfile()).group(1))
    security = pod_spec()["securityContext"]
    assert security["runAsNonRoot"] is True
    assert security["runAsUser"] == uid


def test_every_container_has_a_read_only_root_file_system():
    spec = pod_spec()
    for container in spec["containers"] + spec.get("initContainers", []):
        assert container["securityContext"]["readOnlyRootFilesystem"] is True, container["name"]
        assert container["securityContext"]["allowPrivilegeEscalation"] is False


def test_the_map_store_and_tmp_are_writable_volumes():
    spec = pod_spec()
    container = app_container()
    scratch = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
    mounted = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    store = env(container)["ATLAS_MAP_STORE"]["value"]
    assert mounted[store] in scratch
    assert mounted["/tmp"] in scratch


def test_the_map_store_is_seeded_with_the_image_map_page():
    (seed,) = pod_spec()["initContainers"]
    store = env(app_container())["ATLAS_MAP_STORE"]["value"]
    assert seed["image"] == app_container()["image"]
    assert env(seed)["ATLAS_MAP_STORE"]["value"] == store
    assert store in {m["mountPath"] for m in seed["volumeMounts"]}
    assert "/app/.cache/maps" in " ".join(seed["command"])


def test_the_service_and_the_disruption_budget_select_the_deployment_pods():
    deployment = load("deployment.yaml")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    selectors = [load("service.yaml")["spec"]["selector"],
                 load("pdb.yaml")["spec"]["selector"]["matchLabels"],
                 deployment["spec"]["selector"]["matchLabels"]]
    for selector in selectors:
        assert selector and selector.items() <= labels.items()


def test_the_service_forwards_to_the_container_port():
    (port,) = load("service.yaml")["spec"]["ports"]
    assert container_port(app_container(), port["targetPort"]) == image_port()


def test_the_ingress_routes_to_the_service_port():
    service = load("service.yaml")
    (rule,) = load("ingress.yaml")["spec"]["rules"]
    (path,) = rule["http"]["paths"]
    backend = path["backend"]["service"]
    assert path["path"] == "/" and path["pathType"] == "Prefix"
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}


def test_the_ingress_keeps_a_visitor_on_one_pod_by_a_cookie():
    annotations = ingress_annotations()
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    # "balanced" would move visitors to new pods when the HPA adds some.
    assert annotations["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert int(annotations["nginx.ingress.kubernetes.io/session-cookie-max-age"]) > 0


def test_the_ingress_keeps_a_quiet_websocket_open_for_a_day():
    annotations = ingress_annotations()
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(annotations[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 86400


def test_the_ingress_upload_limit_is_streamlit_s():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit = ingress_annotations()["nginx.ingress.kubernetes.io/proxy-body-size"]
    assert limit == f"{config['server']['maxUploadSize']}m"


def test_the_autoscaler_scales_the_deployment_on_cpu():
    deployment = load("deployment.yaml")
    hpa = load("hpa.yaml")
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == (
        deployment["apiVersion"], deployment["kind"], deployment["metadata"]["name"])
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"]["type"] == "Utilization"
    assert 0 < metric["resource"]["target"]["averageUtilization"] < 100


def test_at_least_two_pods_run_and_the_autoscaler_owns_the_count():
    hpa = load("hpa.yaml")["spec"]
    assert 2 <= hpa["minReplicas"] < hpa["maxReplicas"]
    # A replica count in the Deployment would reset the autoscaler's on every apply.
    assert "replicas" not in load("deployment.yaml")["spec"]


def test_pods_are_removed_slowly_since_each_holds_sessions():
    scale_down = load("hpa.yaml")["spec"]["behavior"]["scaleDown"]
    assert scale_down["stabilizationWindowSeconds"] >= 300
    assert all(p["type"] == "Pods" and p["value"] == 1 for p in scale_down["policies"])


# --- docker compose ---------------------------------------------------------------------

def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def docker_compose() -> str:
    """Debian's docker-compose (1.29.2), which checks and renders a compose file without a
    Docker daemon; in CI it must be there (scripts/setup.sh test installs it)."""
    path = shutil.which("docker-compose")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("docker-compose is missing: scripts/setup.sh test installs it "
                        "(apt-get install --no-install-recommends docker-compose)")
        pytest.skip("docker-compose is not installed (Debian: apt-get install "
                    "--no-install-recommends docker-compose; scripts/setup.sh test does it)")
    return path


def render(secret: str | None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k != "STREAMLIT_SERVER_COOKIE_SECRET" and not k.startswith("COMPOSE_")}
    if secret is not None:
        environment["STREAMLIT_SERVER_COOKIE_SECRET"] = secret
    return subprocess.run([docker_compose(), "-f", str(COMPOSE), "config"], env=environment,
                          capture_output=True, text=True, timeout=60, check=False)


def test_docker_compose_accepts_and_renders_the_compose_file():
    result = render("0123abcd" * 8)
    assert result.returncode == 0, result.stderr
    rendered = yaml.safe_load(result.stdout)
    assert rendered["services"]["app"]["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"] == \
        "0123abcd" * 8
    assert rendered["services"]["app"]["deploy"]["replicas"] >= 2


def test_docker_compose_refuses_the_file_without_the_shared_cookie_secret():
    result = render(None)
    assert result.returncode != 0
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in result.stderr


def test_compose_runs_several_app_replicas_reached_only_through_the_proxy():
    services = compose()["services"]
    assert services["app"]["deploy"]["replicas"] >= 2
    assert "ports" not in services["app"]  # replicas cannot share a host port
    assert services["proxy"]["ports"]


def test_compose_builds_the_app_from_the_deploy_dockerfile():
    build = compose()["services"]["app"]["build"]
    assert (COMPOSE.parent / build["context"]).resolve() == ROOT
    assert (ROOT / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"


def test_the_compose_proxy_mounts_every_nginx_file_it_includes():
    mounts = {}
    for volume in compose()["services"]["proxy"]["volumes"]:
        source, target = volume.split(":")[:2]
        mounts[target] = (COMPOSE.parent / source).resolve()
    config = mounts["/etc/nginx/conf.d/default.conf"]
    assert config == DEPLOY / "nginx-compose.conf"
    for include in re.findall(r"^\s*include\s+(\S+);", config.read_text(), re.M):
        assert mounts[include].is_file(), include


def test_the_compose_proxy_reaches_the_app_service_on_the_image_port():
    upstream = re.search(r"upstream atlas \{(.*?)\}", (DEPLOY / "nginx-compose.conf").read_text(),
                         re.S).group(1)
    servers = re.findall(r"^\s*server\s+([^\s;]+)", upstream, re.M)
    assert servers == [f"app:{image_port()}"]
    assert "app" in compose()["services"]


def test_the_compose_proxy_keeps_a_visitor_on_one_replica_address():
    # The addresses of one server name share their consistent-hash points, and nginx then
    # takes turns between them: seen sending one visitor's requests to both replicas.
    upstream = re.search(r"upstream atlas \{(.*?)\}", (DEPLOY / "nginx-compose.conf").read_text(),
                         re.S).group(1)
    assert re.search(r"^\s*hash \$atlas_key;", upstream, re.M)


@pytest.mark.parametrize("config", ["nginx.conf", "nginx-compose.conf"])
def test_both_proxies_share_the_sticky_and_websocket_settings(config):
    included = {Path(name).name for name in
                re.findall(r"^\s*include\s+(\S+);", (DEPLOY / config).read_text(), re.M)}
    assert {"nginx-sticky.conf", "nginx-locations.conf"} <= included
