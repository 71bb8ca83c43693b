package io.contacts.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers their request body as a {@link JsonBody}, whatever the content type it came in. */
class JsonBodyResolver implements HandlerMethodArgumentResolver {

    private final ObjectMapper mapper;

    JsonBodyResolver(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JsonBody.class;
    }

    @Override
    public JsonBody resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                    NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
        return JsonBody.of(mapper, request.getNativeRequest(HttpServletRequest.class));
    }
}
