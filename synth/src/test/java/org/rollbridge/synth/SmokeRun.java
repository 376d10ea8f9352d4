package org.rollbridge.synth;

import java.nio.file.Path;

class SmokeRun {
    public static void main(String[] args) {
        Settings s = Settings.defaults().withSize(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        long t0 = System.nanoTime();
        Summary sum = SyntheticLa.generate(s, Path.of(args[0]));
        System.out.print(sum.text());
        System.out.println("ms " + (System.nanoTime() - t0) / 1_000_000);
    }
}
