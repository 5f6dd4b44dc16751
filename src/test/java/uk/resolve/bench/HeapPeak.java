/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use at once while some work runs, sampled every millisecond on a daemon thread.
 * Adding up each memory pool's own peak overstates it (the young pools peak at other moments than the
 * old one), and can exceed the maximum heap; a sample can miss a spike shorter than a millisecond,
 * which matters less for the question asked ("does it fit in the application's heap?").
 */
public final class HeapPeak implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapPeak() {
        peak = used();
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling after a collection, so what an earlier step left behind is not counted. */
    public static HeapPeak start() {
        System.gc();
        return new HeapPeak();
    }

    private void sample() {
        while (running) {
            long u = used();
            if (u > peak) {
                peak = u;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The peak so far, in bytes. */
    public long bytes() {
        return Math.max(peak, used());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
