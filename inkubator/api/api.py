"""The JSON API under /api/v1/ (django-ninja). Depends on the domain apps; they never import it."""

from ninja import NinjaAPI

from inkubator.api import assessment, centres, errors, jobs, regions, selection
from inkubator.api.auth import AUTH

api = NinjaAPI(
    title="inkubator API",
    version="1",
    description="BLK Komunitas registry API. Authenticate with a personal token (Authorization: Bearer …) "
    'or a browser session. Errors have one shape: {"detail": …, "errors": {field: [...]}}.',
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
)
errors.install(api)
api.add_router("/regions", regions.router)
api.add_router("/", centres.router)
api.add_router("/", assessment.router)
api.add_router("/", selection.router)
api.add_router("/", jobs.router)
