package io.contacts.command.contact;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCommandTargetResolverTest {

    private final RecordCommandTargetResolver resolver = new RecordCommandTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    /** Not a record: resolved by Axon's annotation walk. */
    static final class Legacy {
        @TargetAggregateIdentifier
        private final String id = "legacy-7";
    }

    record WithoutTarget(String contactId) {
    }

    @Test
    void resolvesTheAnnotatedComponentOfEachCommandLikeAxon() {
        for (Object command : List.of(new BlockContact("12", 3), new ChangeLabels("13", 3, List.of("vip")),
                new CreateContact("14", 3, null), new Legacy())) {
            VersionedAggregateIdentifier target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(target).isEqualTo(axon.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new BlockContact("12", 3)))
                .getIdentifier()).isEqualTo("12");
    }

    @Test
    void failsLikeAxonWhenACommandNamesNoTarget() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new WithoutTarget("1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new BlockContact(null, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
