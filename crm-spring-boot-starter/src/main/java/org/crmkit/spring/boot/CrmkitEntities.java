package org.crmkit.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.crmkit.persistence.jpa.JpaStorage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Adds crmkit's entity classes, as its mapping file {@link JpaStorage#MAPPING_FILE} lists them, to the types of the
 * application's persistence unit (the {@link PersistenceManagedTypes} Spring Boot scans), so that the application's
 * EntityManagerFactory knows them without {@code spring.jpa.mapping-resources}.
 */
final class CrmkitEntities implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!(bean instanceof PersistenceManagedTypes types)) {
            return bean;
        }
        Set<String> classNames = new LinkedHashSet<>(types.getManagedClassNames());
        classNames.addAll(entityClassNames());
        return new WithCrmkitEntities(
                List.copyOf(classNames), types.getManagedPackages(), types.getPersistenceUnitRootUrl());
    }

    /** The application's managed types and crmkit's entities. */
    private record WithCrmkitEntities(
            List<String> getManagedClassNames, List<String> getManagedPackages, URL getPersistenceUnitRootUrl)
            implements PersistenceManagedTypes {}

    /** The classes the mapping file names, in its order. */
    static List<String> entityClassNames() {
        try (InputStream mapping = JpaStorage.class.getClassLoader().getResourceAsStream(JpaStorage.MAPPING_FILE)) {
            if (mapping == null) {
                throw new CrmkitConfigurationException(JpaStorage.MAPPING_FILE
                        + " is missing from the class path: crm-persistence-jpa's jar is incomplete");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList entities = factory.newDocumentBuilder().parse(mapping).getElementsByTagNameNS("*", "entity");
            List<String> names = new ArrayList<>(entities.getLength());
            for (int i = 0; i < entities.getLength(); i++) {
                names.add(((Element) entities.item(i)).getAttribute("class"));
            }
            return names;
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new CrmkitConfigurationException("cannot read " + JpaStorage.MAPPING_FILE + ": " + e, e);
        }
    }
}
