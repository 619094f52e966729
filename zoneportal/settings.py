"""ZonePortal settings.

Configuration comes from environment variables only. With none set, the
embedded profile runs: SQLite in WAL mode under ``var/``, local-memory cache,
media on disk. ``ZONEPORTAL_PROFILE=production`` switches on the HTTPS and
cookie hardening that ``manage.py check --deploy`` asks for; ``DATABASE_URL``
and ``REDIS_URL`` move the data to PostgreSQL and Redis with no code change.
See docs/deployment.md.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from csp.constants import UNSAFE_INLINE as CSP_UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("ZONEPORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def embedded_secret_key() -> str:
    """A per-installation key kept in var/ so the embedded profile needs no setup."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


PROFILE = os.environ.get("ZONEPORTAL_PROFILE", "embedded")
PRODUCTION = PROFILE == "production"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or embedded_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Reverse proxies whose X-Forwarded-For names the visitor (core.network.client_ip): nginx on this machine.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
# Public endpoints are rate-limited per visitor address (core.network.over_limit).
RATELIMIT_IP_META_KEY = "zoneportal.core.network.client_ip"
# The counters live in the cache: while Redis is down the limits pause rather than refuse every search and
# letter as "too many" (nothing a citizen sends is turned away for a fault of ours; logins keep their lockout,
# counted in the database by django-axes). tests/reliability/test_redis_stopped.py.
RATELIMIT_FAIL_OPEN = True
SEARCH_RATE = os.environ.get("SEARCH_RATE", "120/m")  # the results page and GET /api/v1/search
SUGGEST_RATE = os.environ.get("SUGGEST_RATE", "600/m")  # suggestions, asked as a visitor types
LETTER_RATE = os.environ.get("LETTER_RATE", "5/h")  # letters sent per visitor address (form and API)
# Status look-ups (number + query code) per visitor address, on the 查询 page and the API together.
LETTER_LOOKUP_RATE = os.environ.get("LETTER_LOOKUP_RATE", "30/h")
# The letter form's arithmetic question (letters/captcha.py) can be switched off for benchmarks only; never in service.
LETTER_CAPTCHA_BYPASS = env_bool("LETTER_CAPTCHA_BYPASS", False)
#: First letters of every letter's tracking number (来凤: LF), e.g. LF20261206-0001.
LETTER_NUMBER_PREFIX = os.environ.get("LETTER_NUMBER_PREFIX", "LF")
# 索引号 of policy documents (policies/index_numbers.py): the rule and the committee's organisation code in it.
POLICY_INDEX_NUMBER_RULE = os.environ.get("POLICY_INDEX_NUMBER_RULE", "{org}-{category}-{year}-{serial:05d}")
POLICY_ORG_CODE = os.environ.get("POLICY_ORG_CODE", "11422826MB1F3045X")
# The largest policy file the back office imports (manage.py import_policies has no limit).
POLICY_IMPORT_MAX_BYTES = int(os.environ.get("POLICY_IMPORT_MAX_BYTES", 20 * 1024 * 1024))
# 依申请公开: requests filed and look-ups (number + query code) per visitor address.
DISCLOSURE_RATE = os.environ.get("DISCLOSURE_RATE", "5/h")
DISCLOSURE_LOOKUP_RATE = os.environ.get("DISCLOSURE_LOOKUP_RATE", "30/h")
#: First letters of a disclosure request's number (公开: GK), e.g. GK20261207-0001.
DISCLOSURE_NUMBER_PREFIX = os.environ.get("DISCLOSURE_NUMBER_PREFIX", "GK")
FAQ_VOTE_RATE = os.environ.get("FAQ_VOTE_RATE", "30/h")  # 有用/没用 votes on FAQ entries
# A browser votes once per entry; without its cookie, at most this many votes per entry, address and day.
FAQ_VOTES_PER_ADDRESS = int(os.environ.get("FAQ_VOTES_PER_ADDRESS", "5"))
CONSULTATION_RATE = os.environ.get("CONSULTATION_RATE", "10/h")  # comments on draft policies (意见征集)
INVESTOR_INQUIRY_RATE = os.environ.get("INVESTOR_INQUIRY_RATE", "5/h")  # 招商网 inquiries per visitor address
# The department (slug) whose staff, with the office, see and follow up the 招商网's investor leads.
INVESTOR_LEAD_DEPARTMENT = os.environ.get("INVESTOR_LEAD_DEPARTMENT", "zhaoshang")
# Survey answers and verification-code requests per visitor address (a whole office may share one).
SURVEY_RATE = os.environ.get("SURVEY_RATE", "30/h")
# The search log is kept this long (manage.py prune_search_log, run daily in production).
SEARCH_LOG_DAYS = int(os.environ.get("SEARCH_LOG_DAYS", "180"))

INSTALLED_APPS = [
    # Before the portal, whose ready() replaces its redirect handlers (portal/publishing.py).
    "wagtail.contrib.redirects",
    "zoneportal.core",
    "zoneportal.portal",
    "zoneportal.search",
    "zoneportal.letters",
    "zoneportal.faq",
    "zoneportal.consultations",
    "zoneportal.surveys",
    "zoneportal.rectification",
    "zoneportal.circulation",
    "zoneportal.policies",
    "zoneportal.backups",
    "zoneportal.disclosure",
    "zoneportal.services",
    "zoneportal.investment",
    "zoneportal.resettlement",
    "zoneportal.inspection",
    "zoneportal.notices",
    "zoneportal.performance",
    "zoneportal.supervision",
    "zoneportal.investsite",
    "zoneportal.twofactor",
    "zoneportal.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    # The 招商网's translations: locales in the back office, "翻译" copies a page tree into another locale.
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # django-ninja as an app serves the API docs page (/api/v1/docs) from its own static files, not a CDN.
    "ninja",
    # Login throttling: failed sign-ins counted per user name and address (core/login_guard.py).
    "axes",
    # Two-factor login for staff: TOTP apps and one-time recovery codes (zoneportal/twofactor).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: cached hits get the Content-Security-Policy header too (zoneportal/core/csp.py).
    "zoneportal.core.csp.AreaPolicyMiddleware",
    "zoneportal.core.request_guard.RefuseNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "zoneportal.portal.traditional.TraditionalChineseMiddleware",
    # The language from the URL prefix alone (/en/, /ru/ …), before the page cache keys on it; not Django's
    # LocaleMiddleware, which would vary Chinese pages on Accept-Language (investsite/languages.py).
    "zoneportal.investsite.languages.ContentLanguageMiddleware",
    "zoneportal.portal.page_cache.UpdatePageCacheMiddleware",
    # Straight after its partner, not last as Django's docs suggest: a cache hit
    # then skips the session, CSRF, auth and message middleware both ways (the
    # cached response already carries their headers). The key depends only on
    # the URL and the raw request headers the page varies on (Cookie), which no
    # middleware below changes. Measured in docs/benchmarks.md.
    "zoneportal.portal.page_cache.FetchPageFromCacheMiddleware",
    # Django's, with a Chinese 503 when the session store (Redis) cannot save a session (core/session_guard.py).
    "zoneportal.core.session_guard.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(), then no back-office view without the second factor (twofactor/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "zoneportal.twofactor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A session store (Redis) that does not answer: the login page with a Chinese message, not a 500.
    "zoneportal.core.session_guard.SessionStoreUnavailableMiddleware",
    # The media disk full while a view saves a file: a Chinese 507, not a 500 (core/storage_guard.py).
    "zoneportal.core.storage_guard.StorageFullMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the login view's own answer and turns a lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zoneportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "zoneportal.portal.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "zoneportal.wsgi.application"

# Database: SQLite in WAL mode by default, anything dj-database-url reads otherwise.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
# conn_health_checks: a kept connection is checked when a request takes it up again, so after a database
# restart the next request reconnects instead of failing on the dead connection with a 500
# (tests/reliability/test_postgres_restart.py); the check is one round trip per request, not per query.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept between requests like PostgreSQL's: reopening one (and re-running the
    # PRAGMAs) per request halved the letters benchmark's rate (docs/benchmarks.md, "Letters").
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers continue while one writer commits; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("ZONEPORTAL_TEST_DB") or None}
else:
    # PostgreSQL: the test database is copied from a template; CI points
    # DATABASE_TEST_TEMPLATE at one made with a UTF-8 character locale (C.UTF-8),
    # which full-text search and trigram functions need for Chinese text.
    DATABASES["default"]["TEST"] = {
        "TEMPLATE": os.environ.get("DATABASE_TEST_TEMPLATE", "template0"),
        "CHARSET": "UTF8",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is given, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, minus a client object built per operation.
            "BACKEND": "zoneportal.portal.page_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Two installations (or test runs) sharing one Redis keep apart by their prefix.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "zoneportal"),
        }
    }
    # The same Redis and keys for the sessions, but a backend that raises when Redis fails: the default
    # one then serves pages uncached, while a login must fail with a message rather than be forgotten
    # (core/session_guard.py, docs/operations.md "Faults the site survives").
    CACHES["sessions"] = {**CACHES["default"], "BACKEND": "zoneportal.portal.page_cache.StrictRedisCache"}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# Whole-page cache for anonymous visitors, cleared whenever content is published.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"

# Mail (review notifications): SMTP when EMAIL_HOST is set; otherwise the
# embedded profile writes each message as a file under var/mail.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
# Text messages to citizens (zoneportal.core.notifications): a gateway class by dotted path;
# the default writes them to var/sms/outbox.txt.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "zoneportal.core.notifications.FileSMSBackend")
SMS_FILE_PATH = VAR_DIR / "sms"
# Review notifications go to the step's reviewers and back to the editor, not to every administrator.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# 网站自查 (zoneportal/inspection): external links are checked over the network only when asked (an
# intranet has no internet); the site's own address, when given, is fetched to measure its key pages'
# response time, and a page answering after INSPECTION_DOWN_SECONDS or not at all counts as down.
INSPECTION_EXTERNAL_LINKS = env_bool("INSPECTION_EXTERNAL_LINKS", False)
INSPECTION_LINK_TIMEOUT = float(os.environ.get("INSPECTION_LINK_TIMEOUT", "5"))
INSPECTION_SITE_URL = os.environ.get("INSPECTION_SITE_URL", "")
INSPECTION_DOWN_SECONDS = float(os.environ.get("INSPECTION_DOWN_SECONDS", "15"))

# The password policy, applied by the back office's user forms and password change (messages in Chinese
# from Django's catalogue): not like the user name, e-mail or names; long enough; not a common password; not
# digits only. The demo's shared password satisfies it (tests/core/test_login_guard.py).
PASSWORD_MIN_LENGTH = int(os.environ.get("PASSWORD_MIN_LENGTH", "10"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes, see core/login_guard.py and docs/deployment.md): after LOGIN_FAILURE_LIMIT
# wrong passwords for one user name from one address, that pair is refused for LOGIN_COOLOFF_MINUTES; a
# right password before then resets the count. Other users behind the same address are not affected.
AUTHENTICATION_BACKENDS = [
    "zoneportal.core.login_guard.LoginGuardBackend",
    "zoneportal.core.permission_backend.PermissionBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A locked-out person who keeps trying does not push the end of the wait back: the page names when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "zoneportal.core.network.client_ip"
AXES_LOCKOUT_CALLABLE = "zoneportal.core.login_guard.lockout_response"
AXES_ENABLE_ADMIN = False  # Django's own admin site is not installed; unlock with manage.py axes_reset_username

# Two-factor login (zoneportal/twofactor, docs/deployment.md): administrators and the office reviewers must
# confirm each login with a code from an authenticator app; department editors may choose to. On by default in
# production only: the embedded profile is the demo `make run` serves, whose README-listed accounts (admin,
# office_reviewer) must log in with the password alone, and whose browser tests sign in the same way.
# Anyone who has set up an authenticator is asked for a code in every profile.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("TWO_FACTOR_ISSUER", "来凤经济开发区后台")

LANGUAGE_CODE = "zh-hans"
# The 招商网's content languages (below); the back office offers only zh-hans and en (WAGTAILADMIN_PERMITTED_LANGUAGES).
# Named here as the Chinese back office shows them (locales, the explorer); the public language switcher names
# each language in itself (investsite/translations.py).
CONTENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "英语"),
    ("ru", "俄语"),
    ("ja", "日语"),
    ("ko", "韩语"),
    ("de", "德语"),
    ("fr", "法语"),
]
LANGUAGES = CONTENT_LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# The embedded profile serves uploaded media itself; behind nginx, nginx does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION)
# Files only staff may read (letters' attachments, 整改佐证材料): outside MEDIA_ROOT, never served
# by URL; each app's back-office view checks permissions and sends them (core/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Where `manage.py backup` writes its archives (database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT); copy them off the machine.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))

STORAGES = {
    # Django's, deleting the part of a file whose write failed (a full disk): core/storage.py.
    "default": {"BACKEND": "zoneportal.core.storage.CleanFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION or env_bool("HASHED_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# Without collectstatic (tests, a fresh checkout) serve straight from the apps.
WHITENOISE_USE_FINDERS = not PRODUCTION
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# Wagtail
WAGTAIL_SITE_NAME = "来凤经济开发区"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# A page tree per locale: the 招商网 is translated (docs/translations.md); the main portal stays Chinese.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = CONTENT_LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "zoneportal.search.wagtail_backend"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False  # intranet: never call home
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # intranet: no avatars from gravatar.com (Wagtail shows its default)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# The login form labels its password field in Chinese; no "what's new" banner linking to guide.wagtail.org.
WAGTAILADMIN_USER_LOGIN_FORM = "zoneportal.core.backoffice.ChineseLoginForm"
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "wps",
    "odt",
    "ods",
    "txt",
    "csv",
    "zip",
    "mp4",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "zoneportal.core.uploads.CheckedDocumentForm"
WAGTAILEMBEDS_FINDERS: list = []  # no oEmbed calls to the outside world

# Security headers on in every profile; HTTPS-only parts in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No page is meant to be framed; Wagtail's preview panel sets SAMEORIGIN on its own views.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp; zoneportal/core/csp.py, docs/deployment.md "Content-Security-Policy").
# Public pages: static files of this site only, no 'unsafe-inline' and no nonces (the page cache would replay a
# nonce to every visitor). The one hash is the inline <style> of templates/standalone_error.html, the 400/500
# page that must render without the database or static files; tests/core/test_csp.py recomputes it.
CSP_ERROR_PAGE_STYLE = "'sha256-UsLIsdqt+/fudrGNETG+4/hA6jJr2hkJZqVDiJ8WNqU='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF, CSP_ERROR_PAGE_STYLE],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    }
}
# Wagtail's admin renders inline scripts and style attributes without nonces: a looser policy for its paths
# only (still nothing from other hosts). Its preview panel frames pages of the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ("/admin/",),
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        "style-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        "img-src": [CSP_SELF, "data:", "blob:"],
        "frame-src": [CSP_SELF],
        "frame-ancestors": [CSP_SELF],
    },
}
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads it from JavaScript
# `make prod` (deploy/stack.py) runs the production profile on this machine's loopback interface, where there is
# no certificate: ZONEPORTAL_LOOPBACK_HTTP=1 serves it over plain HTTP (no redirect, no HSTS, cookies without
# Secure). It is refused unless every allowed host is a loopback name, so a real server cannot be left on it;
# `check --deploy` then warns, as it should. docs/deployment.md, "Try the production shape on one machine".
LOOPBACK_HTTP = PRODUCTION and env_bool("ZONEPORTAL_LOOPBACK_HTTP", False)
LOOPBACK_HOSTS = {"127.0.0.1", "::1", "[::1]", "localhost", ".localhost", "testserver"}
if LOOPBACK_HTTP and not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
    raise ImproperlyConfigured(
        # Settings load before translations: the operator's message is written in Chinese directly.
        "ZONEPORTAL_LOOPBACK_HTTP=1 只能用于本机回环地址（127.0.0.1、localhost），ALLOWED_HOSTS 中不能有："
        + "、".join(sorted(set(ALLOWED_HOSTS) - LOOPBACK_HOSTS))
    )
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not LOOPBACK_HTTP)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 0 if LOOPBACK_HTTP else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = not LOOPBACK_HTTP
    CSRF_COOKIE_SECURE = not LOOPBACK_HTTP

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
