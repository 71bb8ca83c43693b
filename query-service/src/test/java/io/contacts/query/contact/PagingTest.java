package io.contacts.query.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void defaultsToTheFirstPageOfFifteenAndEchoesTheIntegerOne() {
        Paging paging = Paging.of(null, null);
        assertThat(paging.page()).isEqualTo(1);
        assertThat(paging.perPage()).isEqualTo(15);
        assertThat(paging.from()).isZero();
        assertThat(paging.currentPage()).isEqualTo(1);
    }

    @Test
    void echoesThePageParameterAsTheStringGiven() {
        assertThat(Paging.of("2", null).currentPage()).isEqualTo("2");
        assertThat(Paging.of("abc", null).currentPage()).isEqualTo("abc");
        assertThat(Paging.of("", null).currentPage()).isEqualTo("");
    }

    @Test
    void pagesBelowOneOrNotNumbersAreTheFirst() {
        assertThat(Paging.of("0", null).page()).isEqualTo(1);
        assertThat(Paging.of("-3", null).page()).isEqualTo(1);
        assertThat(Paging.of("abc", null).page()).isEqualTo(1);
        assertThat(Paging.of("", null).page()).isEqualTo(1);
        assertThat(Paging.of("3", null).from()).isEqualTo(30);
    }

    @Test
    void perPageIsKeptWithinOneToAHundred() {
        assertThat(Paging.of(null, "0").perPage()).isEqualTo(1);
        assertThat(Paging.of(null, "-5").perPage()).isEqualTo(1);
        assertThat(Paging.of(null, "101").perPage()).isEqualTo(100);
        assertThat(Paging.of(null, "99999999999999999999").perPage()).isEqualTo(15);
        assertThat(Paging.of(null, "x").perPage()).isEqualTo(15);
        assertThat(Paging.of("2", "40").from()).isEqualTo(40);
    }

    @Test
    void anAbsurdPageSaturatesInsteadOfOverflowing() {
        assertThat(Paging.of(String.valueOf(Long.MAX_VALUE), "100").from()).isEqualTo(Long.MAX_VALUE);
    }
}
