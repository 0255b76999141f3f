"""Unit tests of the inline Lambda that builds the application's secrets (SEC-1).

Run by SecretsBuilderCodeTest (JUnit) as: python3 -m unittest test_secrets_builder, with
stubs/ and the Lambda's resource folder on PYTHONPATH.
"""
import base64
import contextlib
import io
import json
import os
import unittest
from unittest import mock

import boto3

PASSWORD = "p4ss-w0rd.with_~unreserved" + "Zq9"
TOKEN = "T0kenT0kenT0kenT0kenT0kenT0ken12"
ENV = {
    "DATABASE_SECRET_ARN": "arn:master", "REDIS_TOKEN_ARN": "arn:token",
    "DATABASE_URL_ARN": "arn:db-url", "REDIS_URL_ARN": "arn:redis-url", "ENCRYPTION_KEY_ARN": "arn:key",
    "DB_HOST": "db.example.internal", "DB_PORT": "5432", "DB_NAME": "medical_saas",
    "REDIS_HOST": "master.redis.example.internal", "REDIS_PORT": "6379",
    "RESTART_SERVICES": "medical-saas-cluster/django-service,medical-saas-cluster/celery-service",
    "PENDING_SLEEP": "0", "PENDING_TRIES": "5",
}

with mock.patch.dict(os.environ, ENV):
    import secrets_builder


class Context:
    log_stream_name = "2026/11/25/[$LATEST]abc"


class SecretsBuilderTest(unittest.TestCase):
    def setUp(self):
        self.sm = boto3.CLIENT
        self.sm.values = {
            "arn:master": json.dumps({"username": "postgres", "password": PASSWORD}),
            "arn:token": TOKEN, "arn:db-url": "placeholder", "arn:redis-url": "placeholder",
            "arn:key": "placeholder-generated-by-cloudformation",
        }
        self.sm.puts = []
        self.sm.versions = {}
        self.sm.pending = {}
        self.ecs = boto3.ECS
        self.ecs.updates = []
        self.ecs.missing = set()
        self.responses = []
        patcher = mock.patch.object(secrets_builder.urllib.request, "urlopen",
                                    side_effect=lambda req, timeout: self.responses.append(json.loads(req.data)))
        patcher.start()
        self.addCleanup(patcher.stop)
        env = mock.patch.dict(os.environ, ENV)
        env.start()
        self.addCleanup(env.stop)

    def invoke(self, event):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                secrets_builder.handler(event, Context())
            except RuntimeError as e:
                out.write(str(e))
        return out.getvalue()

    @staticmethod
    def cfn(kind, request="Create"):
        return {"RequestType": request, "ResourceProperties": {"Kind": kind}, "ResponseURL": "https://s3/presigned",
                "StackId": "stack", "RequestId": "req", "LogicalResourceId": "Value"}

    def test_databaseUrlIsBuiltFromTheMasterSecret(self):
        self.invoke(self.cfn("database-url"))
        self.assertEqual(self.sm.values["arn:db-url"],
                         "postgres://postgres:" + PASSWORD + "@db.example.internal:5432/medical_saas?sslmode=require")
        self.assertEqual(self.responses[0]["Status"], "SUCCESS")

    def test_urlBreakingCharactersArePercentEncoded(self):
        self.sm.values["arn:master"] = json.dumps({"username": "postgres", "password": "a@b:c/d%e#f?"})
        self.invoke(self.cfn("database-url"))
        self.assertIn("postgres:a%40b%3Ac%2Fd%25e%23f%3F@db.example.internal", self.sm.values["arn:db-url"])

    def test_redisUrlUsesTlsAndTheAuthToken(self):
        self.invoke(self.cfn("redis-url"))
        self.assertEqual(self.sm.values["arn:redis-url"], "rediss://:" + TOKEN + "@master.redis.example.internal:6379/0")

    def test_encryptionKeyIsAFernetKeyMadeOnce(self):
        self.invoke(self.cfn("encryption-key"))
        key = self.sm.values["arn:key"]
        self.assertEqual(len(key), 44)
        self.assertTrue(key.endswith("="))
        self.assertEqual(len(base64.urlsafe_b64decode(key)), 32)
        self.invoke(self.cfn("encryption-key", "Update"))
        self.assertEqual(self.sm.values["arn:key"], key, "an update must never replace the key")
        self.assertEqual(self.sm.puts.count("arn:key"), 1)

    def test_aRotationListOfFernetKeysIsKept(self):
        new, old = (base64.urlsafe_b64encode(os.urandom(32)).decode() for _ in range(2))
        self.sm.values["arn:key"] = new + "," + old
        self.sm.versions["arn:key"] = 3
        self.invoke(self.cfn("encryption-key", "Update"))
        self.assertEqual(self.sm.values["arn:key"], new + "," + old)
        self.assertNotIn("arn:key", self.sm.puts)
        self.assertEqual(self.responses[0]["Status"], "SUCCESS")

    def test_refusesToOverwriteAnyValueWrittenAfterCreation(self):
        # Not the creation placeholder (the secret has several versions), not a key list: stop.
        self.sm.values["arn:key"] = "somebody-wrote-this-by-hand"
        self.sm.versions["arn:key"] = 2
        self.invoke(self.cfn("encryption-key", "Update"))
        self.assertEqual(self.sm.values["arn:key"], "somebody-wrote-this-by-hand")
        self.assertEqual(self.responses[0]["Status"], "FAILED")
        self.assertIn("refusing to replace it", self.responses[0]["Reason"])
        self.assertNotIn("somebody-wrote-this-by-hand", json.dumps(self.responses))

    def test_databaseUrlWaitsForThePendingRotation(self):
        self.sm.pending["arn:master"] = 3
        self.invoke(self.cfn("database-url"))
        self.assertEqual(self.sm.pending["arn:master"], 0, "built only once no version was pending")
        self.assertEqual(self.responses[0]["Status"], "SUCCESS")

    def test_refusesToBuildWhileTheRotationStaysPending(self):
        self.sm.pending["arn:master"] = 99
        self.invoke(self.cfn("database-url"))
        self.assertNotIn("arn:db-url", self.sm.puts)
        self.assertEqual(self.responses[0]["Status"], "FAILED")
        self.assertIn("rotation is still pending", self.responses[0]["Reason"])

    def test_deleteTouchesNothing(self):
        self.invoke(self.cfn("encryption-key", "Delete"))
        self.assertEqual(self.sm.puts, [])
        self.assertEqual(self.responses[0]["Status"], "SUCCESS")

    def test_rotationEventRebuildsBothUrlsAndWritesOnlyWhatChanged(self):
        self.invoke({"source": "aws.secretsmanager", "detail": {"eventName": "RotationSucceeded"}})
        self.assertEqual(sorted(self.sm.puts), ["arn:db-url", "arn:redis-url"])
        self.sm.values["arn:master"] = json.dumps({"username": "postgres", "password": "rotated"})
        self.invoke({"source": "aws.events", "detail-type": "Scheduled Event"})
        self.assertEqual(self.sm.puts.count("arn:db-url"), 2)
        self.assertEqual(self.sm.puts.count("arn:redis-url"), 1)
        self.assertIn(":rotated@", self.sm.values["arn:db-url"])

    def test_aNewDatabaseUrlRollsTheServicesOntoNewTasks(self):
        self.invoke({"source": "aws.events"})
        rolled = [("medical-saas-cluster", "django-service", True), ("medical-saas-cluster", "celery-service", True)]
        self.assertEqual(self.ecs.updates, rolled)
        self.invoke({"source": "aws.events"})
        self.assertEqual(self.ecs.updates, rolled, "an unchanged URL restarts nothing")
        self.sm.values["arn:master"] = json.dumps({"username": "postgres", "password": "rotated"})
        self.invoke({"source": "aws.secretsmanager", "detail": {"eventName": "RotationSucceeded"}})
        self.assertEqual(len(self.ecs.updates), 4)

    def test_servicesNotYetCreatedAreSkippedOnTheFirstDeployment(self):
        self.ecs.missing = {"medical-saas-cluster/django-service", "medical-saas-cluster/celery-service"}
        self.invoke(self.cfn("database-url"))
        self.assertEqual(self.responses[0]["Status"], "SUCCESS")
        self.assertIn("arn:db-url", self.sm.puts)

    def test_noSecretValueInLogsOrResponses(self):
        out = self.invoke(self.cfn("database-url")) + self.invoke(self.cfn("redis-url"))
        out += self.invoke(self.cfn("encryption-key"))
        self.sm.values["arn:master"] = "{not json " + PASSWORD
        out += self.invoke(self.cfn("database-url", "Update"))
        del self.sm.values["arn:token"]
        out += self.invoke({"source": "aws.events"})
        self.assertIn("reconcile failed: database-url: JSONDecodeError ; redis-url: ResourceNotFoundException", out)
        seen = out + json.dumps(self.responses)
        for secret in (PASSWORD, TOKEN, self.sm.values["arn:key"], self.sm.values["arn:db-url"]):
            self.assertNotIn(secret, seen)
        self.assertEqual(self.responses[-1]["Status"], "FAILED")
        self.assertTrue(all(r["NoEcho"] and r["Data"] == {} for r in self.responses))
        self.assertIn("JSONDecodeError", self.responses[-1]["Reason"])


if __name__ == "__main__":
    unittest.main()
