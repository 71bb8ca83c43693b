package io.contacts.command.avatar;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses an {@code avatar_url} may be fetched from: public unicast ones only, unless private addresses are
 * allowed (tests, closed networks). Refused: loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10), link-local
 * (169.254/16, fe80::/10), unique-local (fc00::/7), site-local (fec0::/10), multicast, unspecified (0/8, ::) and
 * broadcast; IPv4 embedded in IPv6 (mapped or compatible) is judged as the IPv4 address.
 */
public final class AddressPolicy {

    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allows(InetAddress address) {
        return allowPrivate || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        InetAddress judged = embeddedIpv4(address);
        if (judged.isLoopbackAddress() || judged.isLinkLocalAddress() || judged.isSiteLocalAddress()
                || judged.isAnyLocalAddress() || judged.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = judged.getAddress();
        if (judged instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            boolean carrierGrade = first == 100 && second >= 64 && second < 128;
            boolean broadcast = Arrays.equals(bytes, new byte[]{-1, -1, -1, -1});
            return first != 0 && !carrierGrade && !broadcast;
        }
        return (bytes[0] & 0xFE) != 0xFC;
    }

    /** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address; else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        boolean mapped = bytes[10] == -1 && bytes[11] == -1;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
