"""A stand-in for boto3 holding Secrets Manager in memory, for the builder's unit tests."""


class ResourceNotFoundException(Exception):
    pass


class FakeSecretsManager:
    def __init__(self):
        self.values = {}
        self.puts = []
        self.versions = {}
        self.pending = {}
        self.exceptions = type("Exceptions", (), {"ResourceNotFoundException": ResourceNotFoundException})

    def get_secret_value(self, SecretId):
        if SecretId not in self.values:
            e = ResourceNotFoundException("Secrets Manager can't find the specified secret.")
            e.response = {"Error": {"Code": "ResourceNotFoundException"}}
            raise e
        return {"SecretString": self.values[SecretId]}

    def put_secret_value(self, SecretId, SecretString):
        self.values[SecretId] = SecretString
        self.puts.append(SecretId)
        self.versions[SecretId] = self.versions.get(SecretId, 1) + 1

    def describe_secret(self, SecretId):
        """One version per value written (the first made at creation); AWSPENDING for the next
        pending[SecretId] calls, as during a rotation."""
        stages = {"v%d" % i: ["AWSPREVIOUS"] for i in range(1, self.versions.get(SecretId, 1))}
        stages["v%d" % self.versions.get(SecretId, 1)] = ["AWSCURRENT"]
        if self.pending.get(SecretId, 0) > 0:
            self.pending[SecretId] -= 1
            stages["pending"] = ["AWSPENDING"]
        return {"VersionIdsToStages": stages}


class FakeEcs:
    """Records update_service calls; a service named in missing answers ServiceNotFoundException."""

    def __init__(self):
        self.updates = []
        self.missing = set()

    def update_service(self, cluster, service, forceNewDeployment):
        if cluster + "/" + service in self.missing:
            e = Exception("Service not found.")
            e.response = {"Error": {"Code": "ServiceNotFoundException"}}
            raise e
        self.updates.append((cluster, service, forceNewDeployment))


CLIENT = FakeSecretsManager()
ECS = FakeEcs()


def client(name):
    assert name in ("secretsmanager", "ecs")
    return CLIENT if name == "secretsmanager" else ECS
