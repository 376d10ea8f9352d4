package org.rollbridge.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of the hub that can play the network's part: down (connections closed at once),
 * cutting a request after so many bytes (the agent killed mid-upload), stalling it after so many bytes (the hub
 * killed mid-upload), or letting the request through and losing the answer (the agent stopped after the hub stored
 * the batch). A hub that is not running is a connection closed at once.
 */
final class FlakyProxy implements AutoCloseable {

    /**
     * HOLD_REQUEST: the request never reaches the hub; STALL_REQUEST: its first bytes do, then nothing more;
     * HOLD_RESPONSE: it does, its answer never comes back.
     */
    enum Mode { UP, DOWN, CUT_REQUEST, STALL_REQUEST, DROP_RESPONSE, HOLD_REQUEST, HOLD_RESPONSE }

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.UP;
    private volatile long cutAfter;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    FlakyProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far, whatever the mode. */
    int connections() {
        return connections.get();
    }

    /** Switches mode, closing open connections so that a pooled connection cannot bypass it. */
    void mode(Mode mode, long cutAfterBytes) {
        this.mode = mode;
        this.cutAfter = cutAfterBytes;
        open.forEach(FlakyProxy::quietly);
        open.clear();
    }

    void mode(Mode mode) {
        mode(mode, 0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                if (mode == Mode.DOWN) {
                    client.close();
                    continue;
                }
                Socket hub;
                try {
                    hub = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException notRunning) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(hub);
                Mode now = mode;
                long limit = cutAfter;
                if (now == Mode.HOLD_REQUEST) {
                    continue;
                }
                Thread.ofPlatform().daemon().start(() -> pump(client, hub,
                        now == Mode.CUT_REQUEST || now == Mode.STALL_REQUEST ? limit : -1, now == Mode.STALL_REQUEST));
                Thread.ofPlatform().daemon().start(() -> {
                    if (now == Mode.HOLD_RESPONSE) {
                        return;
                    } else if (now == Mode.DROP_RESPONSE) {
                        try {
                            int first = hub.getInputStream().read();
                            if (first >= 0) {
                                quietly(client);
                                quietly(hub);
                            }
                        } catch (IOException ignored) {
                            quietly(client);
                        }
                    } else {
                        pump(hub, client, -1, false);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies until either side closes, or {@code limit} bytes; then closes both, or with {@code stall} holds them. */
    private static void pump(Socket from, Socket to, long limit, boolean stall) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            long sent = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (limit >= 0 && sent + n > limit) {
                    out.write(buffer, 0, (int) (limit - sent));
                    out.flush();
                    while (stall && !to.isClosed()) {
                        Thread.sleep(50);
                    }
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
                sent += n;
            }
        } catch (IOException | InterruptedException ignored) {
            // the other side closed
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(FlakyProxy::quietly);
    }
}
