"""Clusters of a complex, nested to any depth; a cluster that still holds units stays."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.history import changes_of

from ..access import editable_complex
from ..cluster_tree import cluster_tree
from ..forms import ClusterForm
from ..models import Cluster


@require_http_methods(["GET", "POST"])
def cluster_create(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    tree = cluster_tree(complex_)
    parent = request.GET.get("parent", "")
    form = ClusterForm(
        request.POST or None,
        instance=Cluster(complex=complex_),
        tree=tree,
        initial={"parent": parent if parent.isdigit() else None},
    )
    if form.is_valid():
        cluster = form.save()
        messages.success(request, _("Cluster %(name)s was created.") % {"name": cluster.name})
        return redirect("housing:complex_detail", complex_.pk)
    return render(request, "housing/cluster_form.html", {"complex": complex_, "form": form})


@require_http_methods(["GET", "POST"])
def cluster_edit(request: HttpRequest, pk: int, cluster_pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    cluster = get_object_or_404(complex_.clusters, pk=cluster_pk)
    form = ClusterForm(request.POST or None, instance=cluster, tree=cluster_tree(complex_))
    if form.is_valid():
        form.save()
        messages.success(request, _("The changes were saved."))
        return redirect("housing:complex_detail", complex_.pk)
    return render(
        request,
        "housing/cluster_form.html",
        {
            "complex": complex_,
            "cluster": cluster,
            "form": form,
            "changes": changes_of(cluster),
        },
    )


@require_http_methods(["GET", "POST"])
def cluster_delete(request: HttpRequest, pk: int, cluster_pk: int) -> HttpResponse:
    complex_ = editable_complex(request, pk)
    node = cluster_tree(complex_).node(cluster_pk)
    if node is None:
        raise Http404
    if request.method == "POST" and not node.unit_count:
        node.cluster.delete()
        messages.success(request, _("Cluster %(name)s was deleted.") % {"name": node.cluster.name})
        return redirect("housing:complex_detail", complex_.pk)
    return render(request, "housing/cluster_delete.html", {"complex": complex_, "node": node})
