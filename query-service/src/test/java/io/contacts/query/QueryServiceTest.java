package io.contacts.query;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the in-process query-service on a random port, in a context of its own that closes after
 * the class; the class's {@link QueryTestFixture}, registered by its {@code @DynamicPropertySource}, is removed then.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@Import(RemoveFixture.class)
public @interface QueryServiceTest {

    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
