package io.contacts.command.publishing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Resources of the batch a tracking processor is handling: its root unit of work, which also stores the token. */
final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /**
     * The current batch's instance of a resource, created at the batch's first event. {@code beforeCommit} runs once,
     * when the batch prepares its commit: an exception there rolls the batch back, token included.
     */
    static <T> T resource(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, k -> {
            T resource = create.get();
            batch.onPrepareCommit(unitOfWork -> beforeCommit.accept(resource));
            return resource;
        });
    }
}
