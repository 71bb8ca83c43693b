package io.contacts.command.avatar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.1",
            "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::127.0.0.1", "2130706433", "127.1",
            // IPv4-mapped in hex, translated, NAT64 (well-known and local-use) and 6to4 carrying private addresses
            "::ffff:7f00:1", "::ffff:0:10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::8.8.8.8",
            "2002:7f00:1::", "2002:c0a8:101::1", "2002:a9fe:a9fe::1",
            // reserved, benchmarking, documentation and future-use ranges
            "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "240.0.0.1",
            "2001:db8::1", "2001::1", "100::1", "::2"})
    void refusesNonPublicAddressesInEveryForm(String literal) throws UnknownHostException {
        InetAddress address = parse(literal);
        assertThat(strict.allows(address)).as(literal + " parsed as " + address).isFalse();
        assertThat(new AddressPolicy(true).allows(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8", "2002:808:808::1", "198.20.0.1", "192.0.1.1", "223.255.255.255"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(strict.allows(parse(literal))).as(literal).isTrue();
    }

    /**
     * The JDK reads dotted IPv4 in decimal only (unlike C resolvers, which read {@code 0177} as octal): the address
     * checked is the address the HttpClient connects to, so there is no parser confusion to exploit.
     */
    @Test
    void octalAndHexLookingHostsAreJudgedAsTheJdkReadsThem() throws UnknownHostException {
        InetAddress octalLooking = parse("0177.0.0.1");
        assertThat(octalLooking.getHostAddress()).isEqualTo("177.0.0.1");
        assertThat(strict.allows(octalLooking)).isTrue();
        assertThatThrownBy(() -> parse("0x7f.0.0.1")).isInstanceOf(UnknownHostException.class);
    }

    private static InetAddress parse(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
