package io.contacts.command.definition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code attribute_model} query parameter bound as the request body binds it: its name or Chatwoot's integer
 * ("1", the form of the swagger's enum); blank is none.
 */
@Component
class AttributeModelParameter implements Converter<String, AttributeModel> {

    private final ObjectReader reader;

    AttributeModelParameter(ObjectMapper mapper) {
        this.reader = mapper.readerFor(AttributeModel.class)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    }

    @Override
    public AttributeModel convert(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return reader.readValue(TextNode.valueOf(value.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
