"""Microsoft's Python client for Microsoft.Support (azure-mgmt-support, Debian's python3-azure),
unmodified, over HTTPS against Tramite, as anna (Fabrikam, the provider) for Rossi's Azure
subscription: list services and problem classifications, create a ticket (long-running), read it
back, add a communication and list it. Then the same client at api-version 2024-04-01 files a
ticket with that version's required advancedDiagnosticConsent and reads its newer properties.

Start the server with TRAMITE_TLS=dev, then:
  REQUESTS_CA_BUNDLE=data/tls/cert.pem /usr/bin/python3 scripts/sdk/azure_support.py
TRAMITE_URL (default https://localhost:3443); ANNA_TOKEN defaults to a delegated token that the
CLI (`tramite token`) mints for Rossi's tenant. Prints one JSON line per step.
"""

import json
import os
import subprocess
import sys
import time
import uuid

from azure.core.credentials import AccessToken
from azure.mgmt.support import MicrosoftSupport
from azure.mgmt.support.models import (
    CommunicationDetails,
    ContactProfile,
    SupportTicketDetails,
)

# the demo world's ids are name-based UUIDs (src/demo/world.ts)
DEMO_NAMESPACE = uuid.UUID("6d1f3c8a-2b7e-4f0a-9c35-8e4b1a7d2f60")


def demo_id(kind, name):
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{name}"))


URL = os.environ.get("TRAMITE_URL", "https://localhost:3443")
ROSSI_SUBSCRIPTION = os.environ.get(
    "ROSSI_SUBSCRIPTION", demo_id("subscription", "rossi.example/Rossi Produzione")
)


def cli_token(user, tenant):
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    return subprocess.run(
        ["node", "bin/tramite.js", "token", "--user", user, "--tenant", tenant,
         "--audience", "https://management.azure.com"],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout.strip()


class StaticToken:
    """A token credential (the protocol azure-core's bearer policy calls) over a token we already hold."""

    def __init__(self, token):
        self.token = token

    def get_token(self, *scopes, **kwargs):
        return AccessToken(self.token, int(time.time()) + 3600)


def log(step, **data):
    print(json.dumps({"step": step, **data}), flush=True)


anna_token = os.environ.get("ANNA_TOKEN") or cli_token(
    "anna@fabrikam.example", demo_id("tenant", "rossi.example")
)
credential = StaticToken(anna_token)
client = MicrosoftSupport(credential, ROSSI_SUBSCRIPTION, base_url=URL, polling_interval=1)
log("apiVersion", value=client._config.api_version)

services = list(client.services.list())
vm = next(s for s in services if s.display_name == "Virtual Machine running Windows")
log("services", count=len(services), vm=vm.name)

classifications = list(client.problem_classifications.list(vm.name))
connectivity = classifications[0]
log("problemClassifications", count=len(classifications), first=connectivity.display_name)

contact = ContactProfile(
    first_name="Anna",
    last_name="Moretti",
    preferred_contact_method="email",
    primary_email_address="anna@fabrikam.example",
    preferred_time_zone="W. Europe Standard Time",
    country="ita",
    preferred_support_language="it-IT",
)
name = f"py-{uuid.uuid4().hex[:12]}"
created = client.support_tickets.begin_create(
    name,
    SupportTicketDetails(
        service_id=vm.id,
        problem_classification_id=connectivity.id,
        title="VM unreachable from Python",
        description="RDP times out since this morning.",
        severity="moderate",
        contact_details=contact,
    ),
).result()
log(
    "create",
    name=created.name,
    status=created.status,
    supportPlanType=created.support_plan_type,
    slaMinutes=created.service_level_agreement.sla_minutes,
)

got = client.support_tickets.get(name)
log("get", title=got.title, severity=got.severity, serviceDisplayName=got.service_display_name)

listed = [t.name for t in client.support_tickets.list(top=100)]
log("list", includesCreated=name in listed)

communication = client.communications.begin_create(
    name,
    "py-update-1",
    CommunicationDetails(subject="More details", body="Only the West Europe VMs are affected."),
).result()
log("communication", name=communication.name, subject=communication.subject)
communications = list(client.communications.list(name))
log("communications", count=len(communications), body=communications[0].body)

# The same client at the current GA version: its 2020-04-01 models do not know the newer properties,
# so the body is sent as JSON and the ticket read back raw.
current = MicrosoftSupport(
    credential, ROSSI_SUBSCRIPTION, base_url=URL, api_version="2024-04-01", polling_interval=1
)
name24 = f"py24-{uuid.uuid4().hex[:12]}"
body = {
    "properties": {
        "serviceId": vm.id,
        "problemClassificationId": connectivity.id,
        "title": "VM unreachable (2024-04-01)",
        "description": "RDP times out.",
        "severity": "minimal",
        "advancedDiagnosticConsent": "Yes",
        "contactDetails": contact.serialize(),
    }
}
current.support_tickets.begin_create(name24, json.dumps(body).encode()).result()
raw = current.support_tickets.get(
    name24, cls=lambda response, deserialized, headers: json.loads(response.http_response.text())
)
props = raw["properties"]
log(
    "create2024",
    name=raw["name"],
    advancedDiagnosticConsent=props.get("advancedDiagnosticConsent"),
    supportPlanDisplayName=props.get("supportPlanDisplayName"),
    isTemporaryTicket=props.get("isTemporaryTicket"),
)
sys.exit(0)
