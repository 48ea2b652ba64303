package dev.drawbridge.relay.net;

import dev.drawbridge.relay.auth.OriginPolicy;
import dev.drawbridge.relay.auth.TokenVerifier;
import java.net.InetSocketAddress;

/**
 * What the transport needs to know.
 *
 * @param address where to listen (port 0: any free port)
 * @param tokens the token check, or null when the relay runs without auth
 * @param origins the Origin allow-list
 * @param maxFrameBytes larger frames close with 4009
 * @param maxConnectionsPerIp a handshake from an address with more open sockets gets HTTP 429
 * @param maxPendingBytes unsent bytes per connection before close 4011
 * @param pingIntervalSeconds WebSocket ping interval; a silent peer is dropped after about 1.5×
 * @param workerThreads decoder threads
 * @param helloTimeoutSeconds connections without hello by then are closed with 4002
 * @param proxies proxies whose X-Forwarded-For names the client (for the per-address limit)
 * @param handshakeTimeoutSeconds connections whose handshake has not finished by then are closed
 */
public record TransportSettings(
    InetSocketAddress address,
    TokenVerifier tokens,
    OriginPolicy origins,
    int maxFrameBytes,
    int maxConnectionsPerIp,
    long maxPendingBytes,
    int pingIntervalSeconds,
    int workerThreads,
    int helloTimeoutSeconds,
    TrustedProxies proxies,
    int handshakeTimeoutSeconds) {}
