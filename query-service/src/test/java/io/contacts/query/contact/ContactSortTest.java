package io.contacts.query.contact;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactSortTest {

    @Test
    void keysAreAppliedInRequestOrderWithTheIdTieBreakerLast() {
        assertThat(describe(ContactSort.parse("-last_activity_at,name")))
                .containsExactly("last_activity_at Desc _last", "name Asc _last", "id Asc null");
        assertThat(describe(ContactSort.parse("name,-last_activity_at")))
                .containsExactly("name Asc _last", "last_activity_at Desc _last", "id Asc null");
    }

    @Test
    void unknownAndBlankKeysAreIgnored() {
        assertThat(describe(ContactSort.parse("bogus,, email ,-nope")))
                .containsExactly("email Asc _last", "id Asc null");
    }

    @Test
    void withoutAValidKeyTheNewestComeFirst() {
        assertThat(describe(ContactSort.parse(null))).containsExactly("created_at Desc _last", "id Asc null");
        assertThat(describe(ContactSort.parse("bogus"))).containsExactly("created_at Desc _last", "id Asc null");
        assertThat(describe(ContactSort.parse(""))).containsExactly("created_at Desc _last", "id Asc null");
    }

    @Test
    void emailNamePhoneNullsAreLastAscendingAndFirstDescendingLikePostgres() {
        assertThat(describe(ContactSort.parse("-email,-phone_number,-name")))
                .containsExactly("email Desc _first", "phone_number Desc _first", "name Desc _first", "id Asc null");
    }

    @Test
    void otherNullsAreAlwaysLast() {
        assertThat(describe(ContactSort.parse("-company,-city,-country,-created_at")))
                .containsExactly("company_name Desc _last", "city Desc _last", "country Desc _last",
                        "created_at Desc _last", "id Asc null");
    }

    @Test
    void companyAndCompanyNameAreOneKeyAndARepeatedFieldKeepsItsFirstPlace() {
        assertThat(describe(ContactSort.parse("company_name,city,-company")))
                .containsExactly("company_name Asc _last", "city Asc _last", "id Asc null");
    }

    @Test
    void byNameAloneLeadsWithTheAccountLikeTheIndexOrder() {
        assertThat(describe(ContactSort.parse("name")))
                .containsExactly("account_id Asc null", "name Asc _last", "id Asc null");
        assertThat(describe(ContactSort.parse("-name"))).containsExactly("name Desc _first", "id Asc null");
    }

    private static List<String> describe(ContactSort sort) {
        return sort.toSortOptions().stream().map(ContactSortTest::describe).toList();
    }

    private static String describe(SortOptions option) {
        var field = option.field();
        SortOrder order = field.order();
        return field.field() + " " + order + " " + (field.missing() == null ? null : field.missing()._toJsonString());
    }
}
