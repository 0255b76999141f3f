# Builds the application's secrets inside AWS (SEC-1): DATABASE_URL and REDIS_URL from the
# generated credentials, and the Fernet FIELD_ENCRYPTION_KEY. No secret value is ever returned,
# logged or put in an exception message; the environment holds only ARNs, hosts and ports.
import base64, json, os, time, urllib.parse, urllib.request
import boto3

sm = boto3.client("secretsmanager")
ecs = boto3.client("ecs")
E = os.environ


class Refused(Exception):
    """A refusal whose message is fixed text, never a value read."""


def read(arn):
    return sm.get_secret_value(SecretId=arn)["SecretString"]


def write(arn, value):
    # A new version only when the value changed, so the hourly run adds none.
    if read(arn) != value:
        sm.put_secret_value(SecretId=arn, SecretString=value)
        return True
    return False


def restart_services():
    # Tasks read DATABASE_URL when they start, and after a single-user rotation the old password
    # opens no new connection: roll the services onto new tasks (the circuit breaker guards the
    # rollout). Services not created yet (first deployment: the App stack comes after) are skipped.
    for ref in filter(None, E.get("RESTART_SERVICES", "").split(",")):
        cluster, service = ref.split("/", 1)
        try:
            ecs.update_service(cluster=cluster, service=service, forceNewDeployment=True)
        except Exception as e:
            code = getattr(e, "response", {}).get("Error", {}).get("Code", "")
            if code not in ("ServiceNotFoundException", "ClusterNotFoundException", "ServiceNotActiveException"):
                raise


def q(s):
    return urllib.parse.quote(s, safe="")


def wait_rotation(arn, tries=None):
    # The first rotation starts when the schedule is created; a URL built meanwhile would carry a
    # password about to change. Wait (bounded) until no version is AWSPENDING, then build.
    for _ in range(tries or int(E.get("PENDING_TRIES", "40"))):
        stages = sm.describe_secret(SecretId=arn).get("VersionIdsToStages", {})
        if not any("AWSPENDING" in s for s in stages.values()):
            return
        time.sleep(float(E.get("PENDING_SLEEP", "5")))
    raise Refused("the database user secret's rotation is still pending")


def database_url():
    # The application role's secret (HARD-6): after an alternating-users rotation it names the
    # clone, whose password is current; the URL follows it.
    wait_rotation(E["DATABASE_SECRET_ARN"])
    m = json.loads(read(E["DATABASE_SECRET_ARN"]))
    # sslmode=require: the client refuses a connection without TLS, whatever the server says (the
    # parameter group forces it too); verify-full would need RDS's CA bundle in the image.
    if write(E["DATABASE_URL_ARN"], "postgres://%s:%s@%s:%s/%s?sslmode=require" % (
            q(m["username"]), q(m["password"]), E["DB_HOST"], E["DB_PORT"], E["DB_NAME"])):
        restart_services()


def redis_url():
    write(E["REDIS_URL_ARN"], "rediss://:%s@%s:%s/0" % (
        q(read(E["REDIS_TOKEN_ARN"])), E["REDIS_HOST"], E["REDIS_PORT"]))


def is_fernet(v):
    try:
        return len(v) == 44 and len(base64.urlsafe_b64decode(v)) == 32
    except ValueError:
        return False


def is_key_list(v):
    # One key, or the documented rotation "new_key,old_key,..." that MultiFernet reads.
    return all(is_fernet(k.strip()) for k in v.split(","))


def encryption_key():
    # Made once, never replaced: a new key would leave every encrypted field unreadable. Only the
    # placeholder CloudFormation generated at creation (the secret's one version) is replaced; any
    # other value that is not a list of Fernet keys stops the build instead of being overwritten.
    arn = E["ENCRYPTION_KEY_ARN"]
    v = read(arn)
    if is_key_list(v):
        return
    if len(sm.describe_secret(SecretId=arn).get("VersionIdsToStages", {})) != 1:
        raise Refused("the value is not a list of Fernet keys; refusing to replace it")
    sm.put_secret_value(SecretId=arn, SecretString=base64.urlsafe_b64encode(os.urandom(32)).decode())


BUILD = {"database-url": database_url, "redis-url": redis_url, "encryption-key": encryption_key}


def run(kinds):
    # Tries every kind; returns "" or each failure's type and AWS error code, never its message.
    failures = []
    for kind in kinds:
        try:
            BUILD[kind]()
        except Exception as e:
            code = getattr(e, "response", {}).get("Error", {}).get("Code", "")
            why = " " + str(e) if isinstance(e, Refused) else ""
            failures.append(kind + ": " + type(e).__name__ + " " + code + why)
    return "; ".join(failures)


def handler(event, context):
    if "RequestType" not in event:
        # EventBridge: a RotationSucceeded event, or the hourly schedule.
        failure = run(["database-url", "redis-url"])
        print("reconcile", failure or "ok")
        if failure:
            raise RuntimeError("reconcile failed: " + failure)
        return
    kind = event["ResourceProperties"]["Kind"]
    failure = run([kind]) if event["RequestType"] != "Delete" else ""
    print(event["RequestType"], kind, failure or "ok")
    body = json.dumps({
        "Status": "FAILED" if failure else "SUCCESS",
        "Reason": failure + " (see " + context.log_stream_name + ")" if failure else "ok",
        "PhysicalResourceId": event.get("PhysicalResourceId", kind),
        "StackId": event["StackId"], "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"], "NoEcho": True, "Data": {}}).encode()
    urllib.request.urlopen(urllib.request.Request(
        event["ResponseURL"], data=body, method="PUT", headers={"Content-Type": ""}), timeout=30)
