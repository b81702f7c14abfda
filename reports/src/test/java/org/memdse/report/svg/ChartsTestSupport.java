package org.memdse.report.svg;

final class ChartsTestSupport {
    private ChartsTestSupport() {
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
