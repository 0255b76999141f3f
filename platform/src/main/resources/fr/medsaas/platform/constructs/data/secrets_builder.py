# Builds the application's secrets inside AWS (SEC-1): DATABASE_URL and REDIS_URL from the
# generated credentials, and the Fernet FIELD_ENCRYPTION_KEY. No secret value is ever returned,
# logged or put in an exception message; the environment holds only ARNs, hosts and ports.
import base64, json, os, urllib.parse, urllib.request
import boto3

sm = boto3.client("secretsmanager")
ecs = boto3.client("ecs")
E = os.environ


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


def database_url():
    m = json.loads(read(E["MASTER_SECRET_ARN"]))
    if write(E["DATABASE_URL_ARN"], "postgres://%s:%s@%s:%s/%s" % (
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


def encryption_key():
    # Made once, never replaced: a new key would leave every encrypted field unreadable.
    arn = E["ENCRYPTION_KEY_ARN"]
    if not is_fernet(read(arn)):
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
            failures.append(kind + ": " + type(e).__name__ + " " + code)
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
