package io.contacts.e2e;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * After a property that passed, checks its account once more: a write that a rejected request made asynchronously
 * (after its 4xx, without read-your-writes) has reached the projection by then. Not after a failed property, whose
 * own failure is the one to report.
 */
final class NothingWritten implements AroundPropertyHook {

    /** A test class whose account can be checked. */
    interface Checked {
        void assertNothingWritten();
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
            return result;
        }
        try {
            ((Checked) context.testInstance()).assertNothingWritten();
            return result;
        } catch (AssertionError e) {
            return result.mapToFailed(e);
        }
    }
}
