"""The production shape of ZonePortal on one machine: ``make prod``.

Two gunicorn app servers (the project's ``gunicorn.conf.py``, ``ZONEPORTAL_PROFILE=production``) on two
loopback ports behind Debian's nginx (one upstream of both, ``/static/`` and ``/media/`` from disk, the
locations of ``deploy/nginx/zoneportal-locations.conf`` unchanged), PostgreSQL, Redis for the cache and the
sessions, and one ``manage.py db_worker``. Every process is an ordinary child process with its files under
``var_dir`` (default ``var/prod``); nothing of the system's nginx, PostgreSQL or Redis configuration is
touched. Only the missing HTTPS differs from a real server: ``ZONEPORTAL_LOOPBACK_HTTP=1``
(zoneportal/settings.py) allows plain HTTP for loopback host names only.

From the shell::

    python deploy/stack.py up        # migrate, load the demo, collectstatic, start, print the address
    python deploy/stack.py status    # the processes and whether the site answers
    python deploy/stack.py down      # stop what `up` started

From Python (the benchmarks and tests reuse it)::

    from deploy.stack import Stack

    with Stack(var_dir, database_url, redis_url, app_ports=(8001, 8002), nginx_port=8080) as stack:
        requests.get(stack.base_url + "/")          # through nginx
        requests.get(stack.app_urls[1] + "/")       # straight to the second app server

``start()`` prepares the data (the database is created from ``zoneportal_template`` when missing) and starts
the processes; ``stop()`` stops them. The processes are recorded in ``var_dir/run/*.pid``, so another
``Stack`` with the same ``var_dir`` (``stack.py down`` in another shell) can stop them too.
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from string import Template
from types import TracebackType
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parents[1]
DEPLOY_DIR = BASE_DIR / "deploy"
NGINX = Path("/usr/sbin/nginx")

DEFAULT_VAR_DIR = BASE_DIR / "var" / "prod"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zoneportal_prod"
# A database number of its own: the tests use 15, the benchmarks' examples 9 and 12.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/4"
DEFAULT_TEMPLATE = "zoneportal_template"
START_SECONDS = 90
# What the calling shell (or a test run) may have set that is not the stack's to take over.
LEFT_OUT = ("DEBUG", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "ZONEPORTAL_TEST_DB", "GUNICORN_BIND", "ALLOWED_HOSTS")
STOP_SECONDS = 30

# The CLI's messages are for the person at the terminal, written in Chinese directly: this script starts
# Django in other processes and runs before any Django settings (and so translations) exist.


class StackError(RuntimeError):
    """The stack could not be started or stopped; the message says why and what to do."""


class _NginxTemplate(Template):
    """``%{name}`` placeholders: ``$`` is nginx's own variable syntax."""

    delimiter = "%"


class Stack:
    """The production profile on this machine: two app servers behind nginx, PostgreSQL, Redis, a task worker.

    ``var_dir`` holds everything the stack writes (``ZONEPORTAL_VAR_DIR`` of its processes: static, media and
    private files, ``secret_key``; plus ``nginx/``, ``log/`` and ``run/``). ``database_url`` names a PostgreSQL
    database, created from ``template`` when missing; ``redis_url`` a Redis database for the cache and the
    sessions. ``workers`` is gunicorn's worker count per app server. ``demo`` loads the demo zone on start.
    ``extra_env`` adds variables for every process (a benchmark's ``LETTER_CAPTCHA_BYPASS=1``, say); ``verbose``
    prints each step and the commands' output.
    """

    def __init__(
        self,
        var_dir: Path | str = DEFAULT_VAR_DIR,
        database_url: str = DEFAULT_DATABASE_URL,
        redis_url: str = DEFAULT_REDIS_URL,
        app_ports: Sequence[int] = (8001, 8002),
        nginx_port: int = 8080,
        *,
        workers: int = 2,
        demo: bool = True,
        template: str = DEFAULT_TEMPLATE,
        extra_env: Mapping[str, str] | None = None,
        verbose: bool = False,
    ) -> None:
        self.var_dir = Path(var_dir).resolve()
        self.database_url = database_url
        self.redis_url = redis_url
        self.app_ports = tuple(app_ports)
        self.nginx_port = nginx_port
        self.workers = workers
        self.demo = demo
        self.template = template
        self.extra_env = dict(extra_env or {})
        self.verbose = verbose
        self.nginx_dir = self.var_dir / "nginx"
        self.log_dir = self.var_dir / "log"
        self.run_dir = self.var_dir / "run"

    # --- addresses and environment -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The site through nginx, e.g. ``http://127.0.0.1:8080``."""
        return f"http://127.0.0.1:{self.nginx_port}"

    @property
    def app_urls(self) -> list[str]:
        """Each app server straight, bypassing nginx, in the order of ``app_ports``."""
        return [f"http://127.0.0.1:{port}" for port in self.app_ports]

    @property
    def env(self) -> dict[str, str]:
        """The environment of every process of the stack (and of ``manage()``)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
        for name in LEFT_OUT:
            env.pop(name, None)
        env.update(
            DJANGO_SETTINGS_MODULE="zoneportal.settings",
            PYTHONUNBUFFERED="1",
            ZONEPORTAL_PROFILE="production",
            ZONEPORTAL_LOOPBACK_HTTP="1",
            ZONEPORTAL_VAR_DIR=str(self.var_dir),
            SECRET_KEY=self._secret_key(),
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            WEB_CONCURRENCY=str(self.workers),
            WAGTAILADMIN_BASE_URL=self.base_url,
            # nginx passes Host without the port (as on a real server, where it is 443); the browser's
            # Origin carries it, so the stack's own address is trusted explicitly.
            CSRF_TRUSTED_ORIGINS=f"{self.base_url},http://localhost:{self.nginx_port}",
        )
        env.update(self.extra_env)
        return env

    def _secret_key(self) -> str:
        """A key kept in var_dir, the same for every process and every start (sessions survive a restart)."""
        key_file = self.var_dir / "secret_key"
        if not key_file.exists():
            self.var_dir.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        return key_file.read_text().strip()

    # --- the public API ------------------------------------------------------------------------------

    def start(self) -> Stack:
        """Prepare the data and start every process; returns once the site answers through nginx."""
        if not NGINX.exists():
            raise StackError(f"找不到 {NGINX}：请先安装 nginx（sudo apt-get install -y nginx）")
        running = [name for name, alive in self.status().items() if alive]
        if running:
            names = "、".join(running)
            raise StackError(f"{self.var_dir} 的服务已在运行（{names}）：先执行 python deploy/stack.py down")
        busy = [port for port in (*self.app_ports, self.nginx_port) if not _port_free(port)]
        if busy:
            raise StackError(f"端口 {'、'.join(map(str, busy))} 已被占用：换用 --app-ports / --nginx-port")
        for folder in (self.var_dir, self.nginx_dir, self.log_dir, self.run_dir):
            folder.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        try:
            self._step("检查 Redis", started)
            self._check_redis()
            self._step("准备 PostgreSQL 数据库", started)
            self._ensure_database()
            self._step("迁移数据库（migrate）", started)
            self.manage("migrate", "--noinput")
            if self.demo:
                self._step("载入演示数据（load_demo，首次约需数分钟）", started)
                self.manage("load_demo")
            self._step("收集静态文件（collectstatic）", started)
            self.manage("collectstatic", "--noinput", "--verbosity", "0")
            self._step(f"启动 {len(self.app_ports)} 台应用服务器、任务进程和 nginx", started)
            for port in self.app_ports:
                self._spawn(f"app-{port}", self._gunicorn_command(port))
            self._spawn("worker", [sys.executable, "manage.py", "db_worker", "--queue-name", "*"])
            self._write_nginx_conf()
            self._check_nginx_conf()
            self._spawn("nginx", self._nginx_command())
            for name, url in [*zip(self._app_names, self.app_urls, strict=True), ("nginx", self.base_url)]:
                self._wait_until_answering(name, url + "/robots.txt")
        except BaseException:
            self.stop()
            raise
        self._step(f"就绪：{self.base_url}/", started)
        return self

    def stop(self) -> None:
        """Stop every process this stack (or another with the same var_dir) started; waits until they are gone."""
        pids = {name: pid for name, pid in self._recorded().items() if _alive(pid) and self._ours(pid)}
        # nginx first, so no request reaches an app server that is going away; the task worker finishes its task.
        for name in sorted(pids, key=lambda name: name != "nginx"):
            try:
                os.killpg(pids[name], signal.SIGTERM)  # the process group: a gunicorn master and its workers
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + STOP_SECONDS
        while any(_alive(pid) for pid in pids.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in pids.values():
            if _alive(pid):
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for name in self._recorded():
            (self.run_dir / f"{name}.pid").unlink(missing_ok=True)

    def status(self) -> dict[str, bool]:
        """Each recorded process (``app-8001``, ``app-8002``, ``worker``, ``nginx``) and whether it runs."""
        return {name: _alive(pid) and self._ours(pid) for name, pid in self._recorded().items()}

    def manage(self, *args: str, timeout: int = 1800) -> str:
        """Run ``manage.py`` in the stack's environment; returns its output, raises StackError if it fails."""
        command = [sys.executable, "manage.py", *args]
        log = self.log_dir / "manage.log"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        lines: list[str] = []
        with log.open("a") as log_file:
            log_file.write(f"\n$ {' '.join(command)}\n")
            process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            deadline = time.monotonic() + timeout
            for line in process.stdout or ():
                lines.append(line)
                log_file.write(line)
                if self.verbose:
                    print("    " + line, end="", flush=True)  # load_demo reports its own progress
                if time.monotonic() > deadline:
                    process.kill()
            returncode = process.wait()
        if returncode != 0:
            raise StackError(f"manage.py {' '.join(args)} 失败（退出码 {returncode}）：\n{''.join(lines)[-3000:]}")
        return "".join(lines)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    # --- the parts -----------------------------------------------------------------------------------

    @property
    def _app_names(self) -> list[str]:
        return [f"app-{port}" for port in self.app_ports]

    def _step(self, text: str, started: float) -> None:
        if self.verbose:
            print(f"[{time.monotonic() - started:5.0f}s] {text}", flush=True)

    def _gunicorn_command(self, port: int) -> list[str]:
        """As deploy/systemd/zoneportal-app@.service runs it: the project's gunicorn.conf.py, one port."""
        log = self.log_dir / f"app-{port}.log"
        return [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--error-logfile", str(log)]

    def _nginx_command(self) -> list[str]:
        conf = self.nginx_dir / "nginx.conf"
        error_log = self.log_dir / "nginx-error.log"
        return [str(NGINX), "-p", f"{self.nginx_dir}/", "-c", str(conf), "-e", str(error_log), "-g", "daemon off;"]

    def _write_nginx_conf(self) -> None:
        template = _NginxTemplate((DEPLOY_DIR / "nginx" / "loopback.conf.in").read_text())
        servers = "\n".join(f"        server 127.0.0.1:{port};" for port in self.app_ports)
        # Started by root (a container, CI), nginx's workers would run as `nobody`, who cannot read a private
        # var_dir (tempfile's and pytest's are 0700): they run as the directory's owner instead.
        user = f"user {pwd.getpwuid(self.var_dir.stat().st_uid).pw_name};" if os.geteuid() == 0 else ""
        text = template.substitute(
            user_line=user,
            nginx_dir=self.nginx_dir,
            log_dir=self.log_dir,
            var_dir=self.var_dir,
            deploy_dir=DEPLOY_DIR,
            nginx_port=self.nginx_port,
            upstream_servers=servers,
        )
        (self.nginx_dir / "nginx.conf").write_text(text)

    def _check_nginx_conf(self) -> None:
        checked = subprocess.run(
            [*self._nginx_command()[:-2], "-t", "-q"], capture_output=True, text=True, timeout=30, check=False
        )
        if checked.returncode != 0:
            raise StackError(f"nginx 配置有误（{self.nginx_dir / 'nginx.conf'}）：\n{checked.stderr}")

    def _spawn(self, name: str, command: list[str]) -> None:
        """Start one process in a session of its own (it outlives `stack.py up`) and record its pid."""
        with (self.log_dir / f"{name}.out").open("ab") as output:
            process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        (self.run_dir / f"{name}.pid").write_text(f"{process.pid}\n")

    def _wait_until_answering(self, name: str, url: str) -> None:
        pid = self._recorded().get(name)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if pid is None or not _alive(pid):
                raise StackError(f"{name} 启动失败，见 {self.log_dir}：\n{self._log_tail(name)}")
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise StackError(f"{name} 在 {START_SECONDS} 秒内没有应答（{url}）：\n{self._log_tail(name)}")

    def _log_tail(self, name: str) -> str:
        logs = [self.log_dir / f"{name}.out", self.log_dir / f"{name}.log"]
        if name == "nginx":
            logs.append(self.log_dir / "nginx-error.log")
        return "\n".join(path.read_text(errors="replace")[-2000:] for path in logs if path.exists())

    def _recorded(self) -> dict[str, int]:
        recorded = {}
        for path in sorted(self.run_dir.glob("*.pid")):
            try:
                recorded[path.stem] = int(path.read_text().strip())
            except ValueError:
                continue
        return recorded

    def _ours(self, pid: int) -> bool:
        """Whether ``pid`` is still a process of this stack (not another that reused the number)."""
        marker = str(self.var_dir).encode()
        for part in ("cmdline", "environ"):
            try:
                if marker in Path(f"/proc/{pid}/{part}").read_bytes():
                    return True
            except OSError:
                continue
        return False

    def _check_redis(self) -> None:
        import redis

        try:
            redis.Redis.from_url(self.redis_url, socket_connect_timeout=5).ping()
        except redis.RedisError as exc:
            raise StackError(f"Redis 无法连接（{self.redis_url}）：{exc}。请启动 redis-server") from exc

    def _ensure_database(self) -> None:
        """Create the PostgreSQL database when missing: from ``template`` if it exists, else UTF-8 from template0."""
        import psycopg
        from psycopg import sql

        parts = urlsplit(self.database_url)
        if parts.scheme not in ("postgres", "postgresql"):
            raise StackError(f"生产形态需要 PostgreSQL：DATABASE_URL 应为 postgres://…，而不是 {self.database_url}")
        name = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl()
        try:
            with psycopg.connect(admin, autocommit=True, connect_timeout=10) as connection:
                exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
                if exists:
                    return
                has_template = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [self.template]
                ).fetchone()
                if has_template:
                    statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(name), sql.Identifier(self.template)
                    )
                else:
                    # What .ci/run makes the template with: Chinese text needs a UTF-8 character locale.
                    statement = sql.SQL(
                        "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
                    ).format(sql.Identifier(name))
                for attempt in range(10):
                    try:
                        connection.execute(statement)
                        return
                    except psycopg.errors.ObjectInUse:
                        # Another session is copying the same template at this moment: wait for it.
                        time.sleep(0.5 * (attempt + 1))
                connection.execute(statement)
        except psycopg.Error as exc:
            raise StackError(f"PostgreSQL 数据库 {name} 无法准备（{parts.hostname}:{parts.port}）：{exc}") from exc


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) has stopped serving.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """``up``, ``down`` or ``status`` of the stack in ``--var-dir``; exit status 0 when it did what was asked."""
    parser = argparse.ArgumentParser(description="ZonePortal 生产形态：两台应用服务器 + nginx + PostgreSQL + Redis")
    parser.add_argument("action", choices=["up", "down", "status"])
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR, help="数据与运行文件目录（默认 var/prod）")
    parser.add_argument("--database-url", default=os.environ.get("PROD_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--redis-url", default=os.environ.get("PROD_REDIS_URL", DEFAULT_REDIS_URL))
    parser.add_argument("--app-ports", default="8001,8002", help="应用服务器端口，逗号分隔（默认 8001,8002）")
    parser.add_argument("--nginx-port", type=int, default=8080)
    parser.add_argument("--workers", type=int, default=2, help="每台应用服务器的 gunicorn 工作进程数")
    args = parser.parse_args(argv)
    app_ports = tuple(int(port) for port in args.app_ports.split(",") if port.strip())
    stack = Stack(
        args.var_dir,
        args.database_url,
        args.redis_url,
        app_ports=app_ports,
        nginx_port=args.nginx_port,
        workers=args.workers,
        verbose=True,
    )
    try:
        if args.action == "up":
            stack.start()
            print(f"\n来凤经济开发区（生产形态）：{stack.base_url}/    后台：{stack.base_url}/admin/")
            print(f"应用服务器：{'  '.join(stack.app_urls)}    日志：{stack.log_dir}")
            print("停止：make prod-down（python deploy/stack.py down）")
        elif args.action == "down":
            stopped = [name for name, alive in stack.status().items() if alive]
            stack.stop()
            print(f"已停止：{'、'.join(stopped)}" if stopped else "没有正在运行的服务")
        else:
            status = stack.status()
            for name, alive in status.items():
                print(f"{name:<10} {'运行中' if alive else '已停止'}")
            if not status:
                print("没有正在运行的服务（启动：python deploy/stack.py up）")
            elif all(status.values()):
                answered = _answers(stack.base_url + "/robots.txt")
                print(f"{stack.base_url}/ {'应答正常' if answered else '没有应答'}")
                return 0 if answered else 1
            return 0 if status and all(status.values()) else 1
    except StackError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断，正在停止已启动的服务", file=sys.stderr)
        return 130
    return 0


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


if __name__ == "__main__":
    sys.exit(main())
