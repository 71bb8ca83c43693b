package io.contacts.command.avatar;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses an {@code avatar_url} may be fetched from: public unicast ones only, unless private addresses are
 * allowed (tests, closed networks). Refused IPv4: 0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8, 169.254/16 (link
 * local, cloud metadata), 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24,
 * multicast and 240/4 (with broadcast). Refused IPv6: ::, ::1, 100::/64, 2001::/32 (Teredo), 2001:db8::/32,
 * 64:ff9b:1::/48, fc00::/7, fe80::/10, fec0::/10, multicast. IPv4 inside IPv6 (mapped ::ffff:0:0/96, compatible ::/96,
 * translated ::ffff:0:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address.
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
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? isPublicIpv4(bytes) : isPublicIpv6(bytes);
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int a = bytes[0] & 0xFF;
        int b = bytes[1] & 0xFF;
        int c = bytes[2] & 0xFF;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || a == 100 && b >= 64 && b < 128
                || a == 169 && b == 254
                || a == 172 && b >= 16 && b < 32
                || a == 192 && b == 168
                || a == 192 && b == 0 && (c == 0 || c == 2)
                || a == 198 && (b == 18 || b == 19)
                || a == 198 && b == 51 && c == 100
                || a == 203 && b == 0 && c == 113);
    }

    private static boolean isPublicIpv6(byte[] bytes) {
        byte[] embedded = embeddedIpv4(bytes);
        if (embedded != null) {
            return isPublic(ipv4(embedded));
        }
        int first = (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
        int second = (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
        int third = (bytes[4] & 0xFF) << 8 | bytes[5] & 0xFF;
        boolean unique = (bytes[0] & 0xFE) == 0xFC;
        boolean discard = first == 0x0100 && second == 0 && third == 0 && bytes[6] == 0 && bytes[7] == 0;
        boolean teredo = first == 0x2001 && second == 0;
        boolean documentation = first == 0x2001 && second == 0x0db8;
        boolean localNat64 = first == 0x0064 && second == 0xff9b && third == 0x0001;
        boolean reservedZero = first == 0 && !isAllZero(bytes, 0, 12);
        return !(unique || discard || teredo || documentation || localNat64 || reservedZero);
    }

    /**
     * The IPv4 address carried by an IPv6 address that reaches it: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d),
     * translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::); else null.
     */
    private static byte[] embeddedIpv4(byte[] bytes) {
        boolean lastFour = isAllZero(bytes, 0, 10) && (bytes[10] == bytes[11] && (bytes[10] == 0 || bytes[10] == -1))
                || isAllZero(bytes, 0, 8) && bytes[8] == -1 && bytes[9] == -1 && bytes[10] == 0 && bytes[11] == 0
                || bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && isAllZero(bytes, 4, 12);
        if (lastFour) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Arrays.copyOfRange(bytes, 2, 6);
        }
        return null;
    }

    private static boolean isAllZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
