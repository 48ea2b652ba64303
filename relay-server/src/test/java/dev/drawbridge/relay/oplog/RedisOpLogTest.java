package dev.drawbridge.relay.oplog;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The OpLog contract against a real redis-server started for this class. */
class RedisOpLogTest extends OpLogContract {
  private static LocalRedis redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = LocalRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  OpLog create() {
    // A fresh key prefix per test: the contract assumes an empty log.
    return new RedisOpLog(redis.uri(), "test-" + UUID.randomUUID() + ":");
  }
}
