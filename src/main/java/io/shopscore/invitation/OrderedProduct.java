package io.shopscore.invitation;

import java.io.Serializable;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.shopscore.product.Product;

/** One product of an invitation's order, at its place in the shop's list; the customer may grade it. */
@Entity
@Table(name = "invitation_product")
@IdClass(OrderedProduct.Key.class)
public class OrderedProduct extends PanacheEntityBase {

    @Id
    private Long invitationId;

    @Id
    private Integer position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    protected OrderedProduct() {
    }

    static OrderedProduct of(Invitation invitation, int position, Product product) {
        OrderedProduct ordered = new OrderedProduct();
        ordered.invitationId = invitation.id();
        ordered.position = position;
        ordered.product = product;
        return ordered;
    }

    /** The products of an invitation's order, in the shop's order; empty for an order without products. */
    public static List<Product> productsOf(Invitation invitation) {
        return getEntityManager().createQuery(
                "select o.product from OrderedProduct o where o.invitationId = :invitation order by o.position", Product.class)
                .setParameter("invitation", invitation.id())
                .getResultList();
    }

    /** The primary key: one row per invitation and place. */
    public record Key(Long invitationId, Integer position) implements Serializable {
    }
}
