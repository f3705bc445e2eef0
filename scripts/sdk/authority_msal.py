"""Tramite as the authority of Python's MSAL (Debian's python3-msal), unmodified, over HTTPS.

Steps (SDK_STEPS, comma-separated), one JSON line each:
- confidential: client credentials with a secret (TENANT_ID, CLIENT_ID, CLIENT_SECRET), with
  Tramite's own instance discovery endpoint given to MSAL, then the token lists GDAP relationships.
- refresh: a refresh token (REFRESH_TOKEN, PUBLIC_CLIENT_ID) exchanged in ROSSI_TENANT_ID.
- device: the device code flow (PUBLIC_CLIENT_ID); prints {"step": "deviceCode"} and waits.

Trust the dev certificate with REQUESTS_CA_BUNDLE=data/tls/cert.pem; TRAMITE_URL is the base URL.
"""
import base64
import json
import os
import sys
import urllib.request
import ssl

import msal

URL = os.environ.get("TRAMITE_URL", "https://localhost:3443").rstrip("/")
STEPS = os.environ.get("SDK_STEPS", "confidential").split(",")
DISCOVERY = URL + "/common/discovery/instance"


def log(step, **data):
    print(json.dumps({"step": step, **data}), flush=True)


def claims(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def get(path, token):
    context = ssl.create_default_context(cafile=os.environ.get("REQUESTS_CA_BUNDLE"))
    request = urllib.request.Request(URL + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, context=context) as response:
        return json.loads(response.read())


if "confidential" in STEPS:
    app = msal.ConfidentialClientApplication(
        os.environ["CLIENT_ID"],
        client_credential=os.environ["CLIENT_SECRET"],
        authority=URL + "/" + os.environ["TENANT_ID"],
        instance_discovery=DISCOVERY,
    )
    result = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    if "access_token" not in result:
        log("confidential", error=result.get("error"), description=result.get("error_description"))
        sys.exit(1)
    page = get("/v1.0/tenantRelationships/delegatedAdminRelationships", result["access_token"])
    log("confidential", claims=claims(result["access_token"]), relationships=len(page["value"]))

public = None
if "refresh" in STEPS or "device" in STEPS:
    public = msal.PublicClientApplication(
        os.environ["PUBLIC_CLIENT_ID"],
        authority=URL + "/organizations",
        instance_discovery=DISCOVERY,
    )

if "device" in STEPS:
    flow = public.initiate_device_flow(scopes=["https://api.partnercenter.microsoft.com/.default"])
    if "user_code" not in flow:
        log("deviceCode", error=flow.get("error"), description=flow.get("error_description"))
        sys.exit(1)
    log("deviceCode", userCode=flow["user_code"], verificationUri=flow["verification_uri"])
    result = public.acquire_token_by_device_flow(flow)
    if "access_token" not in result:
        log("deviceToken", error=result.get("error"), description=result.get("error_description"))
        sys.exit(1)
    log("deviceToken", claims=claims(result["access_token"]), refresh=result.get("refresh_token"))
    os.environ.setdefault("REFRESH_TOKEN", result.get("refresh_token", ""))

if "refresh" in STEPS:
    rossi = msal.PublicClientApplication(
        os.environ["PUBLIC_CLIENT_ID"],
        authority=URL + "/" + os.environ["ROSSI_TENANT_ID"],
        instance_discovery=DISCOVERY,
    )
    result = rossi.acquire_token_by_refresh_token(
        os.environ["REFRESH_TOKEN"], scopes=["https://management.azure.com/.default"]
    )
    if "access_token" in result:
        log("refresh", claims=claims(result["access_token"]))
    else:
        log("refresh", error=result.get("error"), description=result.get("error_description"))
