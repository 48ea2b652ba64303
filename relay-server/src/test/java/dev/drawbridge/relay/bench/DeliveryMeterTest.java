package dev.drawbridge.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the bench counts from the relay's frames, read from their bytes without decoding. */
class DeliveryMeterTest {
  private final LatencyRecorder latencies = new LatencyRecorder();
  private final LatencyRecorder durable = new LatencyRecorder();
  private final LoadLoop.Conn client = new LoadLoop.Conn(0, 0, null);

  DeliveryMeterTest() {
    latencies.timeFrom(0);
    durable.timeFrom(0);
  }

  private void receive(DeliveryMeter meter, String json, long now) {
    // Behind other bytes, as in the loop's read buffer.
    byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.US_ASCII);
    meter.onText(client, ByteBuffer.wrap(bytes), 2, json.length(), now);
  }

  @Test
  void r25_deliveriesAreCountedOnceByOpIdAndTimedFromTheIdsSendTime() {
    DeliveryMeter meter = new DeliveryMeter(BenchTarget.DRAWBRIDGE, latencies, durable);
    String op = "{\"type\":\"op\",\"seq\":3,\"id\":\"1.0.1000000\",\"clientId\":\"bench1\"}";
    receive(meter, op, 3_000_000);
    receive(meter, op, 4_000_000);
    receive(meter, "{\"type\":\"op\",\"seq\":4,\"id\":\"someone-else\"}", 5_000_000);
    assertThat(client.delivered).isEqualTo(2);
    assertThat(client.duplicates).isEqualTo(1);
    assertThat(latencies.percentileMs(100)).isEqualTo(2.0);
  }

  @Test
  void r26_anAuthorsAckedOpsAreTimedUntilADurableCoversThem() {
    DeliveryMeter meter = new DeliveryMeter(BenchTarget.DRAWBRIDGE, latencies, durable);
    receive(meter, "{\"type\":\"synced\",\"seq\":0}", 0);
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.0.1000000\",\"seq\":11,\"duplicate\":false}", 0);
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.1.2000000\",\"seq\":12,\"duplicate\":false}", 0);
    receive(meter, "{\"type\":\"nack\",\"id\":\"0.2.3000000\",\"reason\":\"x\"}", 0);
    receive(meter, "{\"type\":\"durable\",\"seq\":11}", 5_000_000);
    assertThat(client.synced).isTrue();
    assertThat(client.acked).isEqualTo(2);
    assertThat(client.nacked).isEqualTo(1);
    assertThat(durable.percentileMs(100)).isEqualTo(4.0);
    assertThat(client.awaitingDurable).hasSize(1);
  }

  @Test
  void r26_theIdsOfOpsSaidDurableAreRecordedInOrderWhenAsked() {
    DeliveryMeter meter = new DeliveryMeter(BenchTarget.DRAWBRIDGE, latencies, durable);
    client.durableIds = new java.util.ArrayList<>();
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.0.1000000\",\"seq\":11,\"duplicate\":false}", 0);
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.1.2000000\",\"seq\":12,\"duplicate\":false}", 0);
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.2.3000000\",\"seq\":13,\"duplicate\":false}", 0);
    receive(meter, "{\"type\":\"durable\",\"seq\":12}", 5_000_000);
    assertThat(client.durable).isEqualTo(2);
    assertThat(client.durableIds).containsExactly("0.0.1000000", "0.1.2000000");
    assertThat(client.awaitingDurableIds).containsExactly("0.2.3000000");
  }

  @Test
  void aRawRelaysOtherFramesAreNotReadAsAcks() {
    DeliveryMeter meter = new DeliveryMeter(BenchTarget.RAW, latencies, durable);
    receive(meter, "{\"type\":\"ack\",\"id\":\"0.0.1\",\"seq\":1}", 0);
    receive(meter, "{\"type\":\"op\",\"id\":\"0.0.1\",\"op\":{}}", 10);
    assertThat(client.acked).isZero();
    assertThat(client.delivered).isEqualTo(1);
  }
}
